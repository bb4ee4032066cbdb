import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ReturnStatusBadge } from '@/components/shop/returns/return-status-badge';
import { Card } from '@/components/ui/card';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { OrderAfterSales } from '@/lib/returns/web-queries';

/** The admin order detail's returns, refunds and credit notes, and "Start a return". */
export async function OrderReturnsCard({ orderId, afterSales, canStart, locale }: { orderId: string; afterSales: OrderAfterSales; canStart: boolean; locale: Locale }) {
  const [t, tShop, tMethods] = await Promise.all([getTranslations('admin.returns'), getTranslations('shop.returns'), getTranslations('admin.order.methods')]);
  const money = (cents: number) => formatMoney(cents, locale);
  const { returns, refunds, creditNotes } = afterSales;
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-base font-semibold text-stone-900">{t('orderSection')}</h2>
        {canStart && (
          <Link href={`/admin/orders/${orderId}/return`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
            {t('startReturn')}
          </Link>
        )}
      </div>
      {returns.length === 0 && refunds.length === 0 && creditNotes.length === 0 && <p className="mt-2 text-sm text-stone-600">{t('noneForOrder')}</p>}
      {returns.length > 0 && (
        <ul className="mt-2 divide-y divide-stone-100 text-sm" aria-label={t('title')}>
          {returns.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span>
                <Link href={`/admin/returns/${r.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                  {r.number}
                </Link>{' '}
                <ReturnStatusBadge status={r.status} />
                <span className="block text-xs text-stone-500">
                  {t(`methods.${r.method}`)} · {tShop('returnSummary', { units: r.units, date: formatDate(r.requestedAt, locale) })}
                </span>
              </span>
              <span className="font-medium">{money(r.refundTotalCents)}</span>
            </li>
          ))}
        </ul>
      )}
      {refunds.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold text-stone-900">{t('refundsTitle')}</h3>
          <ul className="mt-1 divide-y divide-stone-100 text-sm">
            {refunds.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-3 py-2">
                <span>
                  {tMethods(r.method as 'cash')} · {tShop(`refundStatuses.${r.status}`)}
                  <span className="block text-xs text-stone-500">{formatDateTime(r.createdAt, locale)}</span>
                </span>
                <span className="font-medium">{money(r.amountCents)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {creditNotes.length > 0 && (
        <>
          <h3 className="mt-3 text-sm font-semibold text-stone-900">{tShop('creditNotesTitle')}</h3>
          <ul className="mt-1 text-sm">
            {creditNotes.map((n) => (
              <li key={n.id}>
                <a href={`/orders/${orderId}/credit-notes/${n.id}`} download className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                  {tShop('downloadCreditNote', { number: n.number, amount: money(Math.abs(n.totalCents)) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
