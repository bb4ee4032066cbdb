import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import type { ReturnableOrderDto } from '@/lib/returns/queries';
import type { OrderAfterSales } from '@/lib/returns/web-queries';
import { ReturnStatusBadge } from './return-status-badge';

/**
 * The shop order page's after-sales part: "Return items" while the order may be returned, the order's
 * returns (each opens its label / RMA page), the refunds and the credit notes to download.
 */
export async function OrderAfterSalesSection({
  orderId,
  returnable,
  afterSales,
  locale,
}: {
  orderId: string;
  returnable: ReturnableOrderDto | null;
  afterSales: OrderAfterSales;
  locale: Locale;
}) {
  const [t, tMethods] = await Promise.all([getTranslations('shop.returns'), getTranslations('admin.order.methods')]);
  const money = (cents: number) => formatMoney(cents, locale);
  const canReturn = !!returnable?.returnable && returnable.lines.some((l) => l.returnableQuantity > 0);
  const windowClosed = returnable?.refusal === 'returnWindowClosed';
  const { returns, refunds, creditNotes } = afterSales;
  if (!canReturn && !windowClosed && returns.length === 0 && refunds.length === 0 && creditNotes.length === 0) return null;

  return (
    <section aria-labelledby="after-sales-title" className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="after-sales-title" className="text-lg font-semibold">
          {t('sectionTitle')}
        </h2>
        {canReturn && (
          <Link href={`/orders/${orderId}/return`} className={buttonClass('secondary')}>
            {t('startReturn')}
          </Link>
        )}
      </div>
      {canReturn && returnable?.window.endsAt && <p className="text-sm text-stone-600">{t('returnUntil', { date: formatDate(returnable.window.endsAt, locale) })}</p>}
      {windowClosed && returnable?.window.endsAt && <p className="text-sm text-stone-600">{t('windowEnded', { date: formatDate(returnable.window.endsAt, locale) })}</p>}

      {returns.length > 0 && (
        <ul className="divide-y divide-stone-100 text-sm" aria-label={t('returnsList')}>
          {returns.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <Link href={`/orders/${orderId}/returns/${r.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                  {r.number}
                </Link>{' '}
                <ReturnStatusBadge status={r.status} />
                <p className="text-stone-600">
                  {t('returnSummary', { units: r.units, date: formatDate(r.requestedAt, locale) })} · {t(`methods.${r.method === 'post' ? 'post' : 'store'}`)}
                </p>
              </div>
              <span className="font-medium">{money(r.refundTotalCents)}</span>
            </li>
          ))}
        </ul>
      )}

      {refunds.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">{t('refundsTitle')}</h3>
          <ul className="mt-1 divide-y divide-stone-100 text-sm">
            {refunds.map((r) => (
              <li key={r.id} className="flex flex-wrap justify-between gap-3 py-2">
                <span>
                  {t('refundTo', { method: tMethods(r.method as 'cash') })} · {t(`refundStatuses.${r.status}`)}
                  <span className="block text-xs text-stone-500">{formatDate(r.createdAt, locale)}</span>
                </span>
                <span className="font-medium">{money(r.amountCents)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {creditNotes.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">{t('creditNotesTitle')}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {creditNotes.map((n) => (
              <li key={n.id}>
                {/* A file from a route handler: a plain link (no client navigation, no prefetch). */}
                <a href={`/orders/${orderId}/credit-notes/${n.id}`} download className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                  {t('downloadCreditNote', { number: n.number, amount: money(Math.abs(n.totalCents)) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
