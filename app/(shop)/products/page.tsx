import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ProductCard } from '@/components/shop/product-card';
import { ButtonLink } from '@/components/ui/button';
import { getActor } from '@/lib/auth/session';
import { browseProducts, type ListingFilters as Filters } from '@/lib/catalog/browse';
import { getCardPrices } from '@/lib/catalog/card-prices';
import { getCardImages } from '@/lib/catalog/images';
import { listCategories } from '@/lib/catalog/queries';
import { searchCatalog } from '@/lib/catalog/search';
import { getDb, type Db } from '@/lib/db';
import { getPreferredStoreId } from '@/lib/identity/account-queries';
import { getLocation } from '@/lib/locations/queries';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { ListingFilters } from './_components/listing-filters';
import { euroToCents, listingHref, parseListingParams, type RawParams } from './_components/listing-params';

const PAGE_SIZE = 24;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shop.listing');
  return { title: t('metaTitle') };
}

/** The signed-in customer's preferred store, for "in stock at <store>"; null for everyone else. */
async function shopperStore(db: Db): Promise<{ id: number; name: string } | null> {
  const actor = await getActor();
  if (actor?.role !== 'customer' || !actor.customerId) return null;
  const id = await getPreferredStoreId(db, actor.customerId);
  const store = id ? await getLocation(db, id) : null;
  return store?.kind === 'store' ? { id: store.id, name: store.name } : null;
}

export default async function ProductsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const params = parseListingParams(await searchParams);
  const t = await getTranslations('shop.listing');
  const ts = await getTranslations('search.listing');
  const locale = await getLocale();
  const db = getDb();
  const [categories, store, found] = await Promise.all([
    listCategories(db, locale),
    shopperStore(db),
    params.q ? searchCatalog(db, params.q) : null,
  ]);
  const category = categories.find((c) => c.slug === params.category);
  const now = new Date();
  const filters: Filters = {
    sizes: params.sizes,
    colors: params.colors,
    minPriceCents: euroToCents(params.min) ?? undefined,
    maxPriceCents: euroToCents(params.max) ?? undefined,
    inStockAt: params.inStock && store ? store.id : undefined,
  };
  // Nothing found: the nearest products take the results' place, under "closest matches".
  const showNearest = !!found && found.productIds.length === 0 && found.nearestProductIds.length > 0;
  const productIds = found ? (showNearest ? found.nearestProductIds : found.productIds) : undefined;

  const [{ items, total, facets }, promotions] = await Promise.all([
    browseProducts(db, {
      locale,
      categorySlug: category?.slug,
      productIds,
      filters,
      stockStoreId: store?.id,
      sort: params.sort,
      limit: PAGE_SIZE,
      offset: (params.page - 1) * PAGE_SIZE,
      now,
    }),
    loadPromotionCandidates(db, now),
  ]);
  const [prices, images] = await Promise.all([
    getCardPrices(
      db,
      items.map((p) => p.id),
      { promotions, now, channel: 'web' },
    ),
    getCardImages(db, items.map((p) => p.id), locale),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const q = params.q;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">{category?.name ?? t('title')}</h1>
        <p className="mt-1 text-stone-600" aria-live="polite">
          {q ? `${t('resultsFor', { query: q })} · ` : ''}
          {t('resultCount', { count: showNearest ? 0 : total })}
        </p>
        {found?.match === 'fuzzy' && found.didYouMean && (
          <p className="mt-2 text-sm text-stone-700">{ts('showingFor', { typed: q, query: found.didYouMean })}</p>
        )}
      </div>

      <nav aria-label={t('categories')} className="-mx-4 mt-6 overflow-x-auto px-4">
        <ul className="flex gap-2 pb-1 sm:flex-wrap">
          <li>
            <CategoryChip href={listingHref(params, { category: '' })} active={!category}>
              {t('allCategories')}
            </CategoryChip>
          </li>
          {categories.map((c) => (
            <li key={c.slug}>
              <CategoryChip href={listingHref(params, { category: c.slug })} active={category?.slug === c.slug}>
                {c.name}
              </CategoryChip>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mt-6 grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside>
          <ListingFilters params={params} facets={facets} store={store} />
        </aside>
        <div>
          {(items.length === 0 || showNearest) && (
            <div className="rounded-2xl bg-white px-6 py-10 text-center ring-1 ring-stone-200">
              <h2 className="text-xl font-semibold">{t('emptyTitle')}</h2>
              {found?.didYouMean ? (
                <p className="mx-auto mt-2 max-w-md text-stone-600">
                  {ts('didYouMean')}{' '}
                  <Link href={listingHref(params, { q: found.didYouMean })} className="font-semibold text-stone-900 underline">
                    {found.didYouMean}
                  </Link>
                  ?
                </p>
              ) : (
                <p className="mx-auto mt-2 max-w-md text-stone-600">{t('emptyBody')}</p>
              )}
              <ButtonLink href="/products" variant="secondary" className="mt-6">
                {t('emptyCta')}
              </ButtonLink>
            </div>
          )}
          {items.length > 0 && (
            <section aria-labelledby={showNearest ? 'nearest-heading' : undefined} className={showNearest ? 'mt-8' : ''}>
              {showNearest && (
                <h2 id="nearest-heading" className="mb-3 text-lg font-semibold">
                  {ts('nearest')}
                </h2>
              )}
              <ul className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3">
                {items.map((product, i) => (
                  <li key={product.id}>
                    <ProductCard product={product} price={prices[product.id]} image={images[product.id]} locale={locale} priority={i < 4} />
                  </li>
                ))}
              </ul>
            </section>
          )}

          {pages > 1 && (
            <nav aria-label={t('pagination')} className="mt-8 flex items-center justify-between gap-4">
              {params.page > 1 ? (
                <ButtonLink href={listingHref(params, { page: params.page - 1 })} variant="secondary" rel="prev">
                  ← {t('previous')}
                </ButtonLink>
              ) : (
                <span />
              )}
              <p className="text-sm text-stone-600">{t('pageOf', { page: params.page, pages })}</p>
              {params.page < pages ? (
                <ButtonLink href={listingHref(params, { page: params.page + 1 })} variant="secondary" rel="next">
                  {t('next')} →
                </ButtonLink>
              ) : (
                <span />
              )}
            </nav>
          )}
        </div>
      </div>
    </div>
  );
}

function CategoryChip({
  href,
  active,
  children,
}: {
  href: string;
  active: boolean;
  children: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`inline-flex min-h-11 items-center rounded-full px-4 text-sm font-medium whitespace-nowrap ring-1 transition ${
        active
          ? 'bg-stone-900 text-white ring-stone-900'
          : 'bg-white text-stone-700 ring-stone-300 hover:bg-stone-100'
      }`}
    >
      {children}
    </Link>
  );
}
