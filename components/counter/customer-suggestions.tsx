import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PriceTag } from '@/components/shop/price-tag';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { getRecommendationCards } from '@/lib/insight/recommendation-cards';
import { suggestForCustomer } from '@/lib/insight/recommendations';
import { loadPromotionCandidates } from '@/lib/promotions/queries';

const LIMIT = 4;

/**
 * "Suggestions for <name>" on the sale screen (S14), for the customer attached to the sale: their
 * personal recommendations from purchases in every channel, then what others bought with what they own;
 * never what they own or what is already in the sale. Each links to the counter search for the product.
 */
export async function CustomerSuggestions({
  customer,
  inCart,
  locale,
}: {
  customer: { id: number; name: string };
  /** Product ids already in the sale. */
  inCart: number[];
  locale: Locale;
}) {
  const db = getDb();
  const now = new Date();
  const ids = await suggestForCustomer(db, customer.id, { exclude: inCart, limit: LIMIT });
  if (ids.length === 0) return null;
  const [t, promotions] = await Promise.all([getTranslations('counter.suggestions'), loadPromotionCandidates(db, now)]);
  const cards = await getRecommendationCards(db, ids, { locale, now, channel: 'store', promotions });
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="customer-suggestions-title" className="rounded-2xl bg-white p-3 ring-1 ring-stone-200">
      <h2 id="customer-suggestions-title" className="text-base font-semibold text-stone-800">
        {t('title', { name: customer.name })}
      </h2>
      <p className="text-sm text-stone-600">{t('hint')}</p>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {cards.map(({ product, price }) => (
          <li key={product.id}>
            <Link
              href={`/counter?q=${encodeURIComponent(product.name)}`}
              aria-label={t('find', { name: product.name })}
              className="flex min-h-14 items-center justify-between gap-3 rounded-xl px-3 py-2 ring-1 ring-stone-200 hover:bg-stone-50"
            >
              <span className="min-w-0">
                <span className="block text-xs font-medium tracking-wide text-stone-500 uppercase">{product.brand}</span>
                <span className="block truncate font-medium text-stone-900">{product.name}</span>
              </span>
              {price && <PriceTag priceCents={price.priceCents} regularCents={price.regularCents} from={price.from} locale={locale} size="sm" />}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
