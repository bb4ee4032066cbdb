import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CartTotals } from '@/components/shop/cart-totals';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { AdminOrderDetailDto } from '@/lib/order-admin/detail-queries';

// The read-only parts of /admin/orders/[id]: what was charged, how it was paid, what happened, what was said.

type Order = AdminOrderDetailDto;

const heading = 'text-base font-semibold text-stone-900';

/** Lines with unit price, promotion and discount as charged (the order's snapshot, not today's prices). */
export async function OrderLinesSection({ order, locale }: { order: Order; locale: Locale }) {
  const [t, tCheckout] = await Promise.all([getTranslations('admin.orderDetail'), getTranslations('shop.checkout')]);
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <section aria-labelledby="lines-title" className="space-y-3">
      <h2 id="lines-title" className={heading}>
        {t('lines')}
      </h2>
      <DataTable
        caption={t('lines')}
        rows={order.lines}
        rowKey={(l) => l.id}
        empty={t('noLines')}
        columns={[
          {
            key: 'item',
            header: t('columns.item'),
            cell: (l) => (
              <>
                <span className="block font-medium text-stone-900">{l.productName}</span>
                <span className="block text-xs text-stone-500">{[l.variantLabel, l.sku].filter(Boolean).join(' · ')}</span>
              </>
            ),
          },
          { key: 'quantity', header: t('columns.quantity'), numeric: true, cell: (l) => l.quantity },
          { key: 'unit', header: t('columns.unitPrice'), numeric: true, cell: (l) => money(l.unitPriceCents) },
          {
            key: 'promotion',
            header: t('columns.promotion'),
            cell: (l) => (l.discountCents > 0 ? <span className="text-accent-600">{l.promotionName ?? t('discount')}</span> : <span className="text-stone-400">—</span>),
          },
          { key: 'discount', header: t('columns.discount'), numeric: true, cell: (l) => (l.discountCents > 0 ? `−${money(l.discountCents)}` : '—') },
          { key: 'vat', header: t('columns.vat'), numeric: true, cell: (l) => `${l.vatRateBp / 100}%` },
          { key: 'total', header: t('columns.total'), numeric: true, cell: (l) => <span className="font-medium">{money(l.lineTotalCents)}</span> },
        ]}
      />
      <Card className="ml-auto max-w-sm">
        <CartTotals totals={{ ...order, vat: order.vatBreakdown }} hideShipping={order.fulfilment === 'in_store'} locale={locale} shippingFreeLabel={tCheckout('free')} />
        {order.promotionCodes.length > 0 && (
          <p className="mt-3 text-xs text-stone-500">
            {t('codes')}: {order.promotionCodes.join(', ')}
          </p>
        )}
      </Card>
    </section>
  );
}

export async function OrderPaymentsSection({ order, locale }: { order: Order; locale: Locale }) {
  const t = await getTranslations('admin.order');
  const tDetail = await getTranslations('admin.orderDetail');
  return (
    <Card>
      <h2 className={heading}>{t('payments')}</h2>
      {order.payments.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600">{t('noPayments')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-100 text-sm">
          {order.payments.map((p) => (
            <li key={p.id} className="flex flex-wrap justify-between gap-x-3 gap-y-1 py-2">
              <span>
                {p.exchange ? t('methods.exchange') : t(`methods.${p.method}`)} · {t(`paymentStatus.${p.status}`)}
                {p.refundDue && <span className="ml-2 rounded-full bg-orange-100 px-2 py-0.5 text-xs font-medium text-orange-900">{tDetail('refundOwed')}</span>}
                <span className="block text-xs text-stone-500">{formatDateTime(p.createdAt, locale)}</span>
              </span>
              <span className="tabular-nums">{formatMoney(p.amountCents, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      {order.payments.some((p) => p.refundDue) && <p className="mt-3 rounded-lg bg-orange-50 p-3 text-sm text-orange-900">{tDetail('refundOwedHint')}</p>}
    </Card>
  );
}

export async function OrderTimelineSection({ order, locale }: { order: Order; locale: Locale }) {
  const [t, tOrder] = await Promise.all([getTranslations('admin.order'), getTranslations('shop.order')]);
  return (
    <Card>
      <h2 className={heading}>{t('timeline')}</h2>
      <ol className="mt-3 space-y-3 border-l-2 border-stone-200 pl-4 text-sm">
        {order.events.map((event, i) => (
          <li key={i}>
            <p className="font-medium">{tOrder(`events.${event.type as 'placed'}`)}</p>
            {event.note && <p className="text-stone-700">{event.note}</p>}
            <p className="text-stone-500">
              <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt, locale)}</time>
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** The conversation about this order, read-only here: answering happens in the messages inbox. */
export async function OrderMessagesSection({ order, locale }: { order: Order; locale: Locale }) {
  const t = await getTranslations('admin.orderDetail');
  const threadId = order.messages[0]?.threadId;
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className={heading}>{t('conversation')}</h2>
        {threadId && (
          <Link href={`/admin/messages/${threadId}`} className="text-sm font-medium text-brand-700 hover:underline">
            {t('openThread')}
          </Link>
        )}
      </div>
      {order.messages.length === 0 ? (
        <p className="mt-3 text-sm text-stone-600">{t('noMessages')}</p>
      ) : (
        <ol className="mt-3 space-y-3 text-sm">
          {order.messages.map((m) => (
            <li key={m.id} className={`rounded-lg p-3 ${m.author === 'staff' ? 'bg-brand-50' : 'bg-stone-50'}`}>
              <p className="text-xs text-stone-500">
                {t(`authors.${m.author}`)} · {formatDateTime(m.createdAt, locale)}
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words text-stone-900">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** Every email and SMS the outbox holds for this order, newest first, each linking to what was sent. */
export async function OrderOutboxSection({ order, locale }: { order: Order; locale: Locale }) {
  const [t, tOutbox] = await Promise.all([getTranslations('admin.orderDetail'), getTranslations('admin.outbox')]);
  return (
    <section aria-labelledby="outbox-title" className="space-y-3">
      <h2 id="outbox-title" className={heading}>
        {t('sentMessages')}
      </h2>
      <DataTable
        caption={t('sentMessages')}
        rows={order.outbox}
        rowKey={(m) => m.id}
        empty={t('noOutbox')}
        columns={[
          { key: 'time', header: tOutbox('columns.time'), cell: (m) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(m.createdAt, locale)}</span> },
          { key: 'kind', header: t('columns.kind'), cell: (m) => <span className="font-mono text-xs">{m.templateKey}</span> },
          { key: 'channel', header: tOutbox('columns.channel'), cell: (m) => tOutbox(`channels.${m.channel}`) },
          { key: 'recipient', header: tOutbox('columns.recipient'), cell: (m) => <span className="break-all">{m.recipient}</span> },
          { key: 'status', header: tOutbox('columns.status'), cell: (m) => tOutbox(`statuses.${m.status}`) },
          {
            key: 'view',
            header: tOutbox('columns.actions'),
            headerHidden: true,
            cell: (m) => (
              <Link href={`/admin/outbox/${m.id}`} className="font-medium text-brand-700 hover:underline" aria-label={t('viewMessage', { kind: m.templateKey, channel: tOutbox(`channels.${m.channel}`) })}>
                {tOutbox('view')}
              </Link>
            ),
          },
        ]}
      />
    </section>
  );
}
