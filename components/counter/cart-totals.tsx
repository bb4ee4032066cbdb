import { useTranslations } from 'next-intl';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import type { PricedCart } from '@/lib/pricing';
import { SavingsList } from '@/components/shop/savings-list';

/** Subtotal, discount, total and the VAT contained in it per rate — all as priceCart computed them. */
export function CartTotals({
  totals,
  locale,
  large = false,
}: {
  totals: Omit<PricedCart, 'lines'>;
  locale: Locale;
  large?: boolean;
}) {
  const t = useTranslations('counter.cart');
  const savings = totals.savings.filter((s) => s.scope !== 'shipping');
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <dl className="space-y-1 text-base">
      <div className="flex justify-between gap-4">
        <dt className="text-stone-600">{t('subtotal')}</dt>
        <dd className="tabular-nums">{money(totals.subtotalCents)}</dd>
      </div>
      {totals.discountCents > 0 && (
        <div className="flex justify-between gap-4 text-accent-600">
          <dt>{t('discount')}</dt>
          <dd className="font-medium tabular-nums">−{money(totals.discountCents)}</dd>
        </div>
      )}
      {/* Per promotion and staff discount, what it saved and why (a sale at the counter ships nothing). */}
      {savings.length > 0 && (
        <div className="pl-3">
          <dt className="sr-only">{t('savings')}</dt>
          <dd>
            <SavingsList savings={savings} locale={locale} label={t('savings')} size="sm" />
          </dd>
        </div>
      )}
      <div
        className={`flex items-baseline justify-between gap-4 border-t border-stone-200 pt-1 font-semibold ${large ? 'text-2xl' : 'text-xl'}`}
      >
        <dt>{t('total')}</dt>
        <dd className="tabular-nums">{money(totals.totalCents)}</dd>
      </div>
      {totals.vat.map((v) => (
        <div key={v.rateBp} className="flex justify-between gap-4 text-sm text-stone-500">
          <dt>{t('vat', { rate: v.rateBp / 100 })}</dt>
          <dd className="tabular-nums">{money(v.vatCents)}</dd>
        </div>
      ))}
    </dl>
  );
}
