import { useTranslations } from 'next-intl';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import type { SavingView } from '@/lib/promotions/explain';
import { SavingsList } from './savings-list';

export interface TotalsView {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  vat: { rateBp: number; grossCents: number; vatCents: number }[];
}

/**
 * Subtotal, discount, shipping, total and VAT per rate — all as computed by lib/pricing (or as
 * snapshotted on an order); nothing is added up here. `shippingNote` replaces the shipping amount
 * while no delivery method is chosen (the cart).
 */
export function CartTotals({
  totals,
  locale,
  shippingNote,
  shippingFreeLabel,
  hideShipping = false,
  savings,
}: {
  totals: TotalsView;
  /** What was saved and why (priceCart's or the order's savings): shown under the discount, per promotion. */
  savings?: readonly SavingView[];
  locale: Locale;
  shippingNote?: string;
  shippingFreeLabel?: string;
  /** A sale at the counter ships nothing: no shipping line at all. */
  hideShipping?: boolean;
}) {
  const t = useTranslations('shop.cart');
  const tSavings = useTranslations('shop.savings');
  const goodsSavings = (savings ?? []).filter((s) => s.scope !== 'shipping');
  const shippingSavings = (savings ?? []).filter((s) => s.scope === 'shipping');
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <dl className="space-y-2 text-sm">
      <div className="flex justify-between gap-4">
        <dt className="text-stone-600">{t('subtotal')}</dt>
        <dd>{money(totals.subtotalCents)}</dd>
      </div>
      {totals.discountCents > 0 && (
        <div className="flex justify-between gap-4 text-accent-600">
          <dt>{t('discount')}</dt>
          <dd>−{money(totals.discountCents)}</dd>
        </div>
      )}
      {goodsSavings.length > 0 && (
        <div className="-mt-1 pl-3">
          <dt className="sr-only">{tSavings('orderLabel')}</dt>
          <dd>
            <SavingsList savings={goodsSavings} locale={locale} label={tSavings('orderLabel')} size="xs" />
          </dd>
        </div>
      )}
      {!hideShipping && (
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">{t('shipping')}</dt>
          {shippingNote ? (
            <dd className="max-w-[14rem] text-right text-stone-500">{shippingNote}</dd>
          ) : (
            <dd>
              {totals.shippingCents === 0 && shippingFreeLabel
                ? shippingFreeLabel
                : money(totals.shippingCents)}
            </dd>
          )}
        </div>
      )}
      {!hideShipping && shippingSavings.length > 0 && (
        <div className="-mt-1 pl-3">
          <dt className="sr-only">{t('shipping')}</dt>
          <dd>
            <SavingsList savings={shippingSavings} locale={locale} label={t('shipping')} size="xs" />
          </dd>
        </div>
      )}
      <div className="flex justify-between gap-4 border-t border-stone-200 pt-3 text-base font-semibold">
        <dt>{t('total')}</dt>
        <dd data-testid="order-total">{money(totals.totalCents)}</dd>
      </div>
      {totals.vat.map((line) => (
        <div key={line.rateBp} className="flex justify-between gap-4 text-xs text-stone-500">
          <dt>{t('vatLine', { rate: line.rateBp / 100 })}</dt>
          <dd>{money(line.vatCents)}</dd>
        </div>
      ))}
    </dl>
  );
}
