import { getTranslations } from 'next-intl/server';
import { LoyaltyEntries } from '@/components/shop/loyalty-entries';
import type { Locale } from '@/lib/i18n/config';
import type { LoyaltySummaryDto } from '@/lib/loyalty/queries';

/**
 * The counter customer panel's points: balance, card number and the last entries — the same ledger
 * the account page shows. Takes the DTO from getCustomerLoyaltyForStaff (the panel loads it).
 */
export async function LoyaltySummary({ loyalty, locale }: { loyalty: LoyaltySummaryDto; locale: Locale }) {
  const t = await getTranslations('counter.loyalty');
  return (
    <section
      aria-labelledby="counter-loyalty-title"
      className="space-y-3 rounded-2xl bg-white p-4 ring-1 ring-stone-200"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="counter-loyalty-title" className="text-lg font-semibold">
          {t('title')}
        </h2>
        <p
          className="text-2xl font-semibold tabular-nums text-brand-700"
          data-testid="counter-loyalty-balance"
        >
          {t('balance', { count: loyalty.balance })}
        </p>
      </div>
      <p className="text-sm text-stone-600">
        {loyalty.cardNumber ? t('card', { number: loyalty.cardNumber }) : t('noCard')}
      </p>
      <LoyaltyEntries entries={loyalty.entries} locale={locale} />
    </section>
  );
}
