import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import type { Actor } from '@/lib/identity/queries';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import { getMyLoyalty } from '@/lib/loyalty/queries';
import { pointsValueCents } from '@/lib/loyalty/rules';
import { LoyaltyBarcode } from './loyalty-barcode';
import { LoyaltyCardButton } from './loyalty-card-button';
import { LoyaltyEntries } from './loyalty-entries';

/**
 * The account page's points: balance (and what it is worth), the card number with its barcode, a
 * link to the printable card, and the last entries. Only the signed-in customer's own (getMyLoyalty);
 * renders nothing for staff, who have no profile.
 */
export async function LoyaltyCard({ actor }: { actor: Actor }) {
  const loyalty = await getMyLoyalty(getDb(), actor);
  if (!loyalty) return null;
  const [t, locale] = await Promise.all([getTranslations('shop.loyalty'), getLocale() as Promise<Locale>]);
  const { rates } = loyalty;
  return (
    <section aria-labelledby="loyalty-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
      <div className="flex flex-wrap items-start justify-between gap-6">
        <div className="space-y-1">
          <h2 id="loyalty-title" className="text-lg font-semibold">
            {t('title')}
          </h2>
          <p className="text-sm text-stone-600">{t('balance')}</p>
          <p className="text-3xl font-semibold tabular-nums text-brand-700" data-testid="loyalty-balance">
            {t('points', { count: loyalty.balance })}
          </p>
          {loyalty.balance >= rates.redeemStepPoints && (
            <p className="text-sm text-stone-700">
              {t('worth', { amount: formatMoney(pointsValueCents(loyalty.balance, rates), locale) })}
            </p>
          )}
          <p className="max-w-md pt-1 text-sm text-stone-500">
            {t('rule', {
              rate: rates.pointsPerEuro,
              step: rates.redeemStepPoints,
              value: formatMoney(rates.redeemStepCents, locale),
            })}
          </p>
        </div>
        {loyalty.cardNumber ? (
          <div className="w-full max-w-xs space-y-2">
            <p className="text-sm text-stone-600">
              {t('cardNumber')}:{' '}
              <span className="font-mono font-medium text-stone-900">{loyalty.cardNumber}</span>
            </p>
            <LoyaltyBarcode
              cardNumber={loyalty.cardNumber}
              label={t('barcode', { number: loyalty.cardNumber })}
              className="h-24 rounded-lg p-2 ring-1 ring-stone-200"
            />
            <Link
              href="/account/loyalty-card"
              className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline"
            >
              {t('printable')} →
            </Link>
          </div>
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-stone-600">{t('noCard')}</p>
            <LoyaltyCardButton />
          </div>
        )}
      </div>
      <h3 className="mt-5 mb-2 font-semibold">{t('history')}</h3>
      <LoyaltyEntries entries={loyalty.entries} locale={locale} />
    </section>
  );
}
