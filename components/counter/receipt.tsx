import { useTranslations } from 'next-intl';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import type { CounterReceipt } from '@/lib/orders/counter-queries';
import type { SellerSetting } from '@/lib/settings/settings';
import { OrderBarcode } from '@/components/shop/order-barcode';
import { SavingsList } from '@/components/shop/savings-list';
import { LINE_SCOPES, mergeSavings } from '@/lib/promotions/explain';
import { snapshotVariantText } from './item-label';

const TENDER_ORDER = ['loyalty_points', 'store_credit', 'card_terminal', 'test_provider', 'mollie', 'cash'];

/** The savings a receipt line shows as its own (order-wide ones are listed once, under the totals). */
const lineSavings = (line: CounterReceipt['order']['lines'][number]) => line.savings.filter((s) => LINE_SCOPES.has(s.scope));

/** The receipt as printed: everything comes from the order snapshot, never re-priced. */
export function Receipt({
  receipt,
  locale,
  seller,
  survey,
}: {
  receipt: CounterReceipt;
  locale: Locale;
  seller?: SellerSetting;
  /** The satisfaction survey's link and QR (S12), printed under the thanks. */
  survey?: { url: string; svg: string } | null;
}) {
  const t = useTranslations('counter.receipt');
  const tLegal = useTranslations('counter.receiptLegal');
  const colors = useTranslations('shop.colors');
  const tSavings = useTranslations('shop.savings');
  const tSurvey = useTranslations('satisfaction.receipt');
  const { order, store } = receipt;
  const orderSavings = mergeSavings(order.savings).filter((s) => s.scope !== 'shipping');
  const money = (cents: number) => formatMoney(cents, locale);
  // Split tender: each payment in the order it was taken (points, store credit, card, cash — one
  // transaction, so one timestamp); cash details and the 5-cent rounding are the cash payment's.
  const paid = order.payments.filter((p) => p.status === 'succeeded').sort((a, b) => TENDER_ORDER.indexOf(a.method) - TENDER_ORDER.indexOf(b.method));
  const cash = paid.find((p) => p.method === 'cash') ?? null;
  const payment = paid.length > 1 ? null : (paid[0] ?? null);
  const methodName = (p: (typeof paid)[number]) => (p.paidByExchange ? t('methods.exchange') : t(`methods.${p.method}`));
  return (
    <article
      aria-labelledby="receipt-title"
      className="mx-auto w-full max-w-md rounded-2xl bg-white p-6 font-mono text-sm text-stone-900 shadow-sm ring-1 ring-stone-200 print:max-w-none print:rounded-none print:p-0 print:shadow-none print:ring-0"
    >
      <header className="space-y-0.5 text-center">
        <p className="font-sans text-lg font-bold">{store.name}</p>
        <p>{store.street}</p>
        <p>
          {store.postcode} {store.city}
        </p>
        {store.phone && <p>{t('phone', { phone: store.phone })}</p>}
      </header>

      <h1
        id="receipt-title"
        className="mt-4 border-y border-dashed border-stone-400 py-2 text-center font-sans text-base font-semibold"
      >
        {t('title', { number: order.number })}
      </h1>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4">
        <dt>{t('order')}</dt>
        <dd className="text-right">{order.number}</dd>
        <dt>{t('date')}</dt>
        <dd className="text-right">{formatDateTime(order.placedAt, locale)}</dd>
      </dl>

      <table className="mt-3 w-full border-t border-dashed border-stone-400">
        <caption className="sr-only">{t('items')}</caption>
        <thead className="text-xs text-stone-500">
          <tr>
            <th scope="col" className="py-1 text-left font-normal">
              {t('item')}
            </th>
            <th scope="col" className="py-1 text-right font-normal">
              {t('lineTotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.id} className="align-top">
              <td className="py-1 pr-2">
                <p>{line.productName}</p>
                {line.variantLabel && (
                  <p className="text-stone-600">{snapshotVariantText(colors, line.variantLabel)}</p>
                )}
                <p className="text-stone-600">
                  {t('qtyTimesPrice', { quantity: line.quantity, price: money(line.unitPriceCents) })}
                </p>
                {line.discountCents > 0 && lineSavings(line).length === 0 && (
                  <p className="text-stone-600">
                    {t('lineDiscount', { amount: money(line.discountCents) })}
                    {line.promotionName ? ` (${line.promotionName})` : ''}
                  </p>
                )}
                <SavingsList
                  savings={lineSavings(line)}
                  locale={locale}
                  label={tSavings('lineLabel', { name: line.productName })}
                  className="[&_li]:text-stone-700"
                />
              </td>
              <td className="py-1 text-right tabular-nums">{money(line.lineTotalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 border-t border-dashed border-stone-400 pt-2">
        <dt>{t('subtotal')}</dt>
        <dd className="text-right tabular-nums">{money(order.subtotalCents)}</dd>
        {order.discountCents > 0 && (
          <>
            <dt>{t('discount')}</dt>
            <dd className="text-right tabular-nums">−{money(order.discountCents)}</dd>
          </>
        )}
        {/* Per promotion and staff discount: what it saved on the whole sale and why. */}
        {orderSavings.length > 0 && (
          <div className="col-span-2 pl-3">
            <dt className="sr-only">{tSavings('title')}</dt>
            <dd>
              <SavingsList savings={orderSavings} locale={locale} label={tSavings('title')} className="[&_li]:text-stone-700" />
            </dd>
          </div>
        )}
        <dt className="font-sans text-base font-bold">{t('total')}</dt>
        <dd className="text-right font-sans text-base font-bold tabular-nums">{money(order.totalCents)}</dd>
      </dl>

      <div className="mt-3 border-t border-dashed border-stone-400 pt-2">
        <table className="w-full text-xs">
          <caption className="pb-1 text-left font-semibold">{t('vatTitle')}</caption>
          <thead className="text-stone-500">
            <tr>
              <th scope="col" className="text-left font-normal">
                {t('vatRate')}
              </th>
              <th scope="col" className="text-right font-normal">
                {t('vatExcl')}
              </th>
              <th scope="col" className="text-right font-normal">
                {t('vatAmount')}
              </th>
              <th scope="col" className="text-right font-normal">
                {t('vatIncl')}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.vatBreakdown.map((v) => (
              <tr key={v.rateBp}>
                <td>{t('rate', { rate: v.rateBp / 100 })}</td>
                <td className="text-right tabular-nums">{money(v.grossCents - v.vatCents)}</td>
                <td className="text-right tabular-nums">{money(v.vatCents)}</td>
                <td className="text-right tabular-nums">{money(v.grossCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {paid.length > 0 && (
        <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-4 border-t border-dashed border-stone-400 pt-2">
          <dt>{t('paidBy')}</dt>
          <dd className="text-right">{payment ? methodName(payment) : t('splitPaid')}</dd>
          {paid.length > 1 &&
            paid.map((p) => (
              <div key={p.id} className="col-span-2 grid grid-cols-subgrid">
                <dt className="pl-3">{methodName(p)}</dt>
                <dd className="text-right tabular-nums">{money(p.amountCents)}</dd>
              </div>
            ))}
          {cash && cash.roundingCents !== 0 && (
            <>
              <dt>{t('rounding')}</dt>
              <dd className="text-right tabular-nums">
                {cash.roundingCents > 0 ? '+' : '−'}
                {money(Math.abs(cash.roundingCents))}
              </dd>
            </>
          )}
          {cash && cash.tenderedCents !== null && (
            <>
              <dt>{t('cashGiven')}</dt>
              <dd className="text-right tabular-nums">{money(cash.tenderedCents)}</dd>
              <dt>{t('change')}</dt>
              <dd className="text-right tabular-nums">{money(cash.changeCents ?? 0)}</dd>
            </>
          )}
        </dl>
      )}

      <p className="mt-4 border-t border-dashed border-stone-400 pt-3 text-center">{t('thanks')}</p>
      {/* For a return or exchange at any counter: the scanner reads the order number. */}
      <OrderBarcode number={order.number} label={t('barcode', { number: order.number })} className="mt-3" />
      {survey && (
        <figure className="mt-3 flex items-center gap-3 border-t border-dashed border-stone-400 pt-3">
          <a href={survey.url} aria-label={tSurvey('qrLabel', { number: order.number })} className="block size-24 shrink-0 [&_svg]:size-full">
            {/* An SVG the qrcode library draws from our own survey URL: no user input in it. */}
            <span aria-hidden="true" dangerouslySetInnerHTML={{ __html: survey.svg }} />
          </a>
          <figcaption className="font-sans text-sm">{tSurvey('caption')}</figcaption>
        </figure>
      )}
      {/* The seller's legal details, as on the invoice (settings → shop and seller). */}
      {seller && (
        <footer aria-label={tLegal('legal')} className="mt-3 space-y-0.5 text-center text-xs text-stone-600">
          <p>{seller.legalName}</p>
          <p>
            {seller.street}, {seller.postcode} {seller.city}
          </p>
          <p>
            {tLegal('vatNumber', { number: seller.vatNumber })} · {tLegal('cocNumber', { number: seller.cocNumber })}
          </p>
        </footer>
      )}
    </article>
  );
}
