import { useTranslations } from 'next-intl';
import { snapshotVariantText } from '@/components/counter/item-label';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { OrderDetailDto } from '@/lib/orders/queries';
import type { ReturnViewDto } from '@/lib/returns/types';
import type { SellerSetting } from '@/lib/settings/settings';

interface StoreHeader {
  name: string;
  street: string;
  postcode: string;
  city: string;
  phone: string | null;
}

/**
 * The return receipt as printed on the 80 mm counter printer: what came back (and in what state), what
 * was refunded where, and the exchange's replacements. Everything from the return's own records.
 */
export function ReturnReceipt({
  view,
  exchange,
  store,
  seller,
  locale,
}: {
  view: ReturnViewDto;
  exchange: OrderDetailDto | null;
  store: StoreHeader | null;
  seller?: SellerSetting;
  locale: Locale;
}) {
  const t = useTranslations('counter.returns.receipt');
  const tr = useTranslations('counter.returns');
  const tMethods = useTranslations('counter.zReport.methods');
  const colors = useTranslations('shop.colors');
  const money = (c: number) => formatMoney(c, locale);
  const methodName = (m: string) => (tMethods.has(m as never) ? tMethods(m as never) : m);
  const given = view.refunds.filter((r) => r.status !== 'failed');
  return (
    <article
      aria-labelledby="return-receipt-title"
      className="mx-auto w-full max-w-[80mm] rounded-2xl bg-white p-5 font-mono text-sm text-stone-900 shadow-sm ring-1 ring-stone-200 print:max-w-[80mm] print:rounded-none print:p-0 print:shadow-none print:ring-0"
    >
      {store && (
        <header className="space-y-0.5 text-center">
          <p className="font-sans text-lg font-bold">{store.name}</p>
          <p>{store.street}</p>
          <p>
            {store.postcode} {store.city}
          </p>
        </header>
      )}
      <h2 id="return-receipt-title" className="mt-3 border-y border-dashed border-stone-400 py-2 text-center font-sans text-base font-semibold">
        {exchange ? t('exchangeTitle', { number: view.number }) : t('title', { number: view.number })}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3">
        <dt>{t('order')}</dt>
        <dd className="text-right">{view.orderNumber}</dd>
        <dt>{t('date')}</dt>
        <dd className="text-right">{formatDateTime(view.receivedAt ?? view.requestedAt, locale)}</dd>
      </dl>

      <table className="mt-3 w-full border-t border-dashed border-stone-400">
        <caption className="pt-1 text-left font-sans font-semibold">{t('returned')}</caption>
        <tbody>
          {view.lines.map((l) => (
            <tr key={l.id} className="align-top">
              <td className="py-1 pr-2">
                <p>
                  {l.quantity} × {l.productName}
                </p>
                {l.variantLabel && <p className="text-stone-600">{snapshotVariantText(colors, l.variantLabel)}</p>}
                <p className="text-stone-600">
                  {tr(`reasons.${l.reason}`)}
                  {l.condition ? ` · ${tr(`conditions.${l.condition}`)}` : ''}
                </p>
              </td>
              <td className="py-1 text-right whitespace-nowrap tabular-nums">−{money(l.refundCents)}</td>
            </tr>
          ))}
          {view.shippingRefundCents > 0 && (
            <tr>
              <td className="py-1">{t('shipping')}</td>
              <td className="py-1 text-right whitespace-nowrap tabular-nums">−{money(view.shippingRefundCents)}</td>
            </tr>
          )}
        </tbody>
      </table>

      {exchange && (
        <table className="mt-2 w-full border-t border-dashed border-stone-400">
          <caption className="pt-1 text-left font-sans font-semibold">{t('handedOut', { number: exchange.number })}</caption>
          <tbody>
            {exchange.lines.map((l) => (
              <tr key={l.id} className="align-top">
                <td className="py-1 pr-2">
                  <p>
                    {l.quantity} × {l.productName}
                  </p>
                  {l.variantLabel && <p className="text-stone-600">{snapshotVariantText(colors, l.variantLabel)}</p>}
                </td>
                <td className="py-1 text-right whitespace-nowrap tabular-nums">{money(l.lineTotalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 border-t border-dashed border-stone-400 pt-2">
        <dt className="font-sans font-bold">{t('value')}</dt>
        <dd className="text-right font-sans font-bold tabular-nums">{money(view.refundTotalCents)}</dd>
        {given.map((r) => (
          <div key={r.id} className="col-span-2 grid grid-cols-subgrid">
            <dt>
              {t('refundedTo', { method: methodName(r.method) })}
              {r.status === 'pending' ? ` (${t('pending')})` : ''}
            </dt>
            <dd className="text-right tabular-nums">{money(r.amountCents)}</dd>
          </div>
        ))}
        {exchange && (
          <>
            <dt>{t('exchangeTotal')}</dt>
            <dd className="text-right tabular-nums">{money(exchange.totalCents)}</dd>
          </>
        )}
      </dl>
      {view.creditNote && <p className="mt-2 text-center text-xs">{t('creditNote', { number: view.creditNote.number })}</p>}
      <p className="mt-3 border-t border-dashed border-stone-400 pt-2 text-center">{t('thanks')}</p>
      {seller && (
        <footer className="mt-2 space-y-0.5 text-center text-xs text-stone-600">
          <p>{seller.legalName}</p>
          <p>{seller.vatNumber}</p>
        </footer>
      )}
    </article>
  );
}
