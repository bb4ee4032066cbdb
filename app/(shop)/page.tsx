import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ProductCard } from '@/components/shop/product-card';
import { ProductImage } from '@/components/shop/product-image';
import { ButtonLink } from '@/components/ui/button';
import { getCardPrices } from '@/lib/catalog/card-prices';
import { getCardImages } from '@/lib/catalog/images';
import { listAllProductCards, listCategoryTiles, pickFeatured } from '@/lib/catalog/showcase';
import { getDb } from '@/lib/db';
import { loadPromotionCandidates } from '@/lib/promotions/queries';

const FEATURED = 8;

export default async function HomePage() {
  const t = await getTranslations('shop.home');
  const locale = await getLocale();
  const db = getDb();
  const now = new Date();
  const [tiles, cards, promotions] = await Promise.all([
    listCategoryTiles(db, locale),
    listAllProductCards(db, locale),
    loadPromotionCandidates(db, now),
  ]);
  const prices = await getCardPrices(
    db,
    cards.map((c) => c.id),
    { promotions, now, channel: 'web' },
  );
  const featured = pickFeatured(cards, prices, FEATURED);
  const images = await getCardImages(db, featured.map((c) => c.id), locale);
  const promises = ['price', 'pickup', 'returns'] as const;
  return (
    <>
      <section className="bg-gradient-to-br from-brand-800 via-brand-700 to-brand-600 text-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
          <h1 className="max-w-2xl text-4xl font-semibold tracking-tight sm:text-5xl">{t('heroTitle')}</h1>
          <p className="mt-4 max-w-xl text-lg text-brand-100">{t('heroBody')}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/products" size="lg" variant="secondary">
              {t('heroCta')}
            </ButtonLink>
            <ButtonLink
              href="/stores"
              size="lg"
              className="bg-white/10 ring-1 ring-white/40 hover:bg-white/20"
            >
              {t('storesCta')}
            </ButtonLink>
          </div>
        </div>
      </section>
      <section className="mx-auto grid max-w-6xl gap-4 px-4 py-10 sm:grid-cols-3">
        {promises.map((key) => (
          <div key={key} className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
            <h2 className="font-semibold">{t(`promises.${key}`)}</h2>
            <p className="mt-1 text-sm text-stone-600">{t(`promises.${key}Body`)}</p>
          </div>
        ))}
      </section>

      <section aria-labelledby="categories-title" className="mx-auto max-w-6xl px-4 pb-12">
        <h2 id="categories-title" className="text-2xl font-semibold tracking-tight">
          {t('categories')}
        </h2>
        <ul className="mt-5 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {tiles.map((tile) => (
            <li key={tile.slug}>
              <Link
                href={`/products?category=${tile.slug}`}
                className="group flex h-full flex-col rounded-2xl bg-white p-2.5 ring-1 ring-stone-200 transition hover:shadow-md hover:ring-stone-300"
              >
                {tile.imagePath ? (
                  <ProductImage src={tile.imagePath} alt="" />
                ) : (
                  <div className="aspect-square rounded-xl bg-stone-100" />
                )}
                <span className="mt-2.5 px-1 font-medium text-stone-900 group-hover:underline">
                  {tile.name}
                </span>
                <span className="px-1 pb-1 text-sm text-stone-500">
                  {t('productCount', { count: tile.productCount })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {featured.length > 0 && (
        <section aria-labelledby="featured-title" className="border-t border-stone-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-12">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="featured-title" className="text-2xl font-semibold tracking-tight">
                {t('featured')}
              </h2>
              <Link href="/products" className="text-sm font-medium text-brand-700 hover:underline">
                {t('viewAll')} →
              </Link>
            </div>
            <ul className="mt-5 grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-4">
              {featured.map((product) => (
                <li key={product.id}>
                  <ProductCard
                    product={product}
                    price={prices[product.id]}
                    image={images[product.id]}
                    locale={locale}
                    headingLevel="h3"
                  />
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
    </>
  );
}
