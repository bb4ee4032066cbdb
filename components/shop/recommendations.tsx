import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { getRecommendationCards, type RecommendationCard } from '@/lib/insight/recommendation-cards';
import { suggestForCart, suggestForProduct } from '@/lib/insight/recommendations';
import type { PromotionCandidate } from '@/lib/pricing';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { ProductCard } from './product-card';

const LIMIT = 4;

/** A row of recommended product cards under a heading (server-rendered; nothing when empty). */
function RecommendationRow({ id, title, cards, locale }: { id: string; title: string; cards: RecommendationCard[]; locale: Locale }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {cards.map((c) => (
          <li key={c.product.id}>
            <ProductCard product={c.product} price={c.price} locale={locale} headingLevel="h3" />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Often bought together" on the product page (S14): co-purchases over every channel, without what the shopper owns. */
export async function OftenBoughtTogether({
  productId,
  customerId,
  promotions,
  locale,
}: {
  productId: number;
  customerId: number | null;
  /** The candidates the page already loaded, so the cards price like the page (priceUnit). */
  promotions: PromotionCandidate[];
  locale: Locale;
}) {
  const db = getDb();
  const now = new Date();
  const ids = await suggestForProduct(db, productId, { customerId, limit: LIMIT });
  const [t, cards] = await Promise.all([
    getTranslations('shop.recommendations'),
    getRecommendationCards(db, ids, { locale, now, channel: 'web', promotions }),
  ]);
  return <RecommendationRow id="often-bought-together" title={t('oftenBoughtTogether')} cards={cards} locale={locale} />;
}

/** "You may also like" in the web cart (S14): bought with the cart's products, then the customer's own. */
export async function YouMayAlsoLike({ productIds, customerId, locale }: { productIds: number[]; customerId: number | null; locale: Locale }) {
  const db = getDb();
  const now = new Date();
  const ids = await suggestForCart(db, { productIds, customerId, limit: LIMIT });
  if (ids.length === 0) return null;
  const [t, promotions] = await Promise.all([getTranslations('shop.recommendations'), loadPromotionCandidates(db, now)]);
  const cards = await getRecommendationCards(db, ids, { locale, now, channel: 'web', promotions });
  return <RecommendationRow id="you-may-also-like" title={t('youMayAlsoLike')} cards={cards} locale={locale} />;
}
