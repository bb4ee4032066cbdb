import Form from 'next/form';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import type { CounterCartView } from '@/lib/orders/counter-queries';
import { SavingsList } from '@/components/shop/savings-list';
import { LINE_SCOPES } from '@/lib/promotions/explain';
import { CartLineControls } from './cart-line-controls';
import { CounterPrice } from './counter-price';
import { CartTotals } from './cart-totals';
import { itemLabel, variantText } from './item-label';
import { PromotionCodeForm } from './promotion-code-form';
import { StaffDiscountForm } from './staff-discount-form';

/**
 * The clerk's counter cart. On a landscape tablet it stays in view beside the search, its lines
 * scroll and the totals and "Pay" stay pinned at the bottom.
 */
export function CartPanel({
  cart,
  locale,
  customer,
  staffDiscountMaxPercent,
}: {
  cart: CounterCartView | null;
  locale: Locale;
  /** The clerk's maximum manual discount (settings); undefined = no staff discount control. */
  staffDiscountMaxPercent?: number;
  /** The customer attached to the sale (lib/customers), shown under the title with "Detach". */
  customer?: ReactNode;
}) {
  const t = useTranslations('counter.cart');
  const colors = useTranslations('shop.colors');
  const tSavings = useTranslations('shop.savings');
  const lineName = (line: { productName: string; size: string | null; color: string | null }) => {
    const variant = variantText(colors, line);
    return variant ? `${line.productName} (${variant})` : line.productName;
  };
  const lines = cart?.lines ?? [];
  const unavailable = cart?.unavailable ?? [];
  const empty = lines.length === 0 && unavailable.length === 0;
  // placeOrder would refuse these anyway (stock is never sold twice): say so before the payment step.
  const shortHere = lines.some((l) => l.quantity > l.stockHere);
  return (
    <section
      aria-labelledby="cart-title"
      className="flex flex-col rounded-2xl lg:overflow-hidden bg-white shadow-sm ring-1 ring-stone-200 lg:sticky lg:top-4 lg:h-[calc(100dvh-6.5rem)]"
    >
      <header className="flex items-baseline justify-between gap-2 border-b border-stone-200 px-4 py-3">
        <h2 id="cart-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        {!empty && (
          <span className="text-sm text-stone-500">{t('items', { count: cart?.itemCount ?? 0 })}</span>
        )}
      </header>
      {customer}

      {empty ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-2 px-6 py-12 text-center">
          <svg viewBox="0 0 48 48" aria-hidden="true" className="size-14 text-stone-300">
            <path
              d="M6 8h6l5 24h22l4-16H14"
              fill="none"
              stroke="currentColor"
              strokeWidth="3"
              strokeLinejoin="round"
              strokeLinecap="round"
            />
            <circle cx="19" cy="39" r="3" fill="currentColor" />
            <circle cx="36" cy="39" r="3" fill="currentColor" />
          </svg>
          <p className="text-lg font-semibold text-stone-800">{t('emptyTitle')}</p>
          <p className="max-w-xs text-stone-600">{t('emptyBody')}</p>
        </div>
      ) : (
        <>
          <ul
            aria-label={t('lines')}
            className="min-h-34 flex-1 divide-y divide-stone-200 overflow-y-auto overscroll-contain"
          >
            {lines.map((line) => {
              const variant = variantText(colors, line);
              const name = variant ? `${line.productName} (${variant})` : line.productName;
              return (
                <li
                  key={line.variantId}
                  className="space-y-2 px-4 py-3"
                  aria-label={itemLabel(line.productName, variant)}
                >
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-semibold text-stone-900">{line.productName}</p>
                      <p className="text-sm text-stone-600">
                        {variant && <span className="font-medium text-stone-800">{variant} · </span>}
                        {line.sku}
                      </p>
                      <p className="mt-0.5 flex flex-wrap items-baseline gap-x-2 text-sm text-stone-600">
                        <CounterPrice
                          priceCents={line.unitNetPriceCents}
                          regularCents={line.unitPriceCents}
                          locale={locale}
                          size="sm"
                        />
                        <span>{t('each')}</span>
                      </p>
                      <SavingsList
                        className="mt-0.5"
                        savings={line.savings.filter((s) => LINE_SCOPES.has(s.scope))}
                        locale={locale}
                        label={tSavings('lineLabel', { name: line.productName })}
                      />
                    </div>
                    <p className="shrink-0 text-lg font-semibold tabular-nums">
                      {formatMoney(line.lineTotalCents, locale)}
                    </p>
                  </div>
                  <CartLineControls variantId={line.variantId} quantity={line.quantity} name={name} />
                  {line.quantity > line.stockHere && (
                    <p className="rounded-lg bg-amber-50 px-3 py-1.5 text-sm font-medium text-amber-900 ring-1 ring-amber-200">
                      {t('onlyHere', { count: Math.max(line.stockHere, 0) })}
                    </p>
                  )}
                </li>
              );
            })}
            {unavailable.map((line) => (
              <li key={`gone-${line.variantId}`} className="space-y-2 bg-red-50 px-4 py-3">
                <p className="font-semibold text-stone-900">{line.productName}</p>
                <p className="text-sm text-red-800">{t('unavailable')}</p>
                <CartLineControls
                  variantId={line.variantId}
                  quantity={line.quantity}
                  name={line.productName}
                />
              </li>
            ))}
          </ul>

          {/* On a landscape tablet codes, discounts and totals can outgrow the panel: they scroll, so at least
              two lines of the cart stay in view above them. */}
          <div className="space-y-3 border-t border-stone-200 bg-stone-50 px-4 pt-3 lg:min-h-0 lg:overflow-y-auto lg:overscroll-contain">
            <PromotionCodeForm codes={cart?.cart.promotionCodes ?? []} />
            {cart && staffDiscountMaxPercent !== undefined && lines.length > 0 && (
              <StaffDiscountForm
                maxPercent={staffDiscountMaxPercent}
                lines={lines.map((l) => ({ variantId: l.variantId, name: lineName(l) }))}
                given={[
                  ...(cart.totals.savings.some((s) => s.scope === 'staff_cart') ? [{ variantId: null, name: t('wholeSale') }] : []),
                  ...lines
                    .filter((l) => l.savings.some((s) => s.scope === 'staff_line'))
                    .map((l) => ({ variantId: l.variantId, name: lineName(l) })),
                ]}
              />
            )}
            {cart && <CartTotals totals={cart.totals} locale={locale} />}
            {shortHere && <p className="text-sm font-medium text-amber-900">{t('fixStock')}</p>}
          </div>
          {/* A GET form, so "Pay" is a button (what it does) that opens the payment step. In portrait the
              cart sits below the search, so "Pay" sticks to the bottom of the screen. */}
          <Form
            action="/counter/checkout"
            className="rounded-b-2xl bg-stone-50 px-4 py-3 max-lg:sticky max-lg:bottom-0 max-lg:shadow-[0_-1px_0_0_var(--color-stone-200)]"
          >
            <button
              type="submit"
              disabled={unavailable.length > 0 || lines.length === 0 || shortHere}
              className={buttonClass('primary', 'xl', 'w-full justify-between text-xl')}
            >
              <span>{t('pay')}</span>
              <span className="tabular-nums">{formatMoney(cart?.totals.totalCents ?? 0, locale)}</span>
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
