import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ProductCard } from '@/components/shop/product-card';
import { ButtonLink } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { getCardPrices } from '@/lib/catalog/card-prices';
import { getCardImages } from '@/lib/catalog/images';
import { listCategories, listProducts } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';
import { loadPromotionCandidates } from '@/lib/promotions/queries';

const PAGE_SIZE = 24;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shop.listing');
  return { title: t('metaTitle') };
}

type SearchParams = Promise<{
  category?: string | string[];
  q?: string | string[];
  page?: string | string[];
}>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The URL of the listing with these filters; empty values are left out so links stay clean. */
function listingHref(params: { category?: string; q?: string; page?: number }): string {
  const search = new URLSearchParams();
  if (params.category) search.set('category', params.category);
  if (params.q) search.set('q', params.q);
  if (params.page && params.page > 1) search.set('page', String(params.page));
  const query = search.toString();
  return query ? `/products?${query}` : '/products';
}

export default async function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations('shop.listing');
  const locale = await getLocale();
  const db = getDb();
  const q = one(params.q).trim().slice(0, 100);
  const categories = await listCategories(db, locale);
  const category = categories.find((c) => c.slug === one(params.category));
  const page = Math.max(1, Math.floor(Number(one(params.page)) || 1));
  const now = new Date();

  const [{ items, total }, promotions] = await Promise.all([
    listProducts(db, {
      locale,
      categorySlug: category?.slug,
      search: q || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
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

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{category?.name ?? t('title')}</h1>
          <p className="mt-1 text-stone-600" aria-live="polite">
            {q ? `${t('resultsFor', { query: q })} · ` : ''}
            {t('resultCount', { count: total })}
          </p>
        </div>
        <form role="search" action="/products" className="flex w-full gap-2 sm:w-96">
          {category && <input type="hidden" name="category" value={category.slug} />}
          <label htmlFor="product-search" className="sr-only">
            {t('search')}
          </label>
          <input
            id="product-search"
            type="search"
            name="q"
            defaultValue={q}
            placeholder={t('searchPlaceholder')}
            maxLength={100}
            className={inputClass}
          />
          <button
            type="submit"
            className="h-11 shrink-0 rounded-lg bg-stone-900 px-4 text-sm font-medium text-white hover:bg-stone-800"
          >
            {t('searchSubmit')}
          </button>
        </form>
      </div>

      <nav aria-label={t('categories')} className="-mx-4 mt-6 overflow-x-auto px-4">
        <ul className="flex gap-2 pb-1 sm:flex-wrap">
          <li>
            <CategoryChip href={listingHref({ q })} active={!category}>
              {t('allCategories')}
            </CategoryChip>
          </li>
          {categories.map((c) => (
            <li key={c.slug}>
              <CategoryChip href={listingHref({ category: c.slug, q })} active={category?.slug === c.slug}>
                {c.name}
              </CategoryChip>
            </li>
          ))}
        </ul>
      </nav>

      {items.length === 0 ? (
        <div className="mt-10 rounded-2xl bg-white px-6 py-14 text-center ring-1 ring-stone-200">
          <h2 className="text-xl font-semibold">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-2 max-w-md text-stone-600">{t('emptyBody')}</p>
          <ButtonLink href="/products" variant="secondary" className="mt-6">
            {t('emptyCta')}
          </ButtonLink>
        </div>
      ) : (
        <ul className="mt-6 grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4">
          {items.map((product, i) => (
            <li key={product.id}>
              <ProductCard product={product} price={prices[product.id]} image={images[product.id]} locale={locale} priority={i < 4} />
            </li>
          ))}
        </ul>
      )}

      {pages > 1 && (
        <nav aria-label={t('pagination')} className="mt-8 flex items-center justify-between gap-4">
          {page > 1 ? (
            <ButtonLink
              href={listingHref({ category: category?.slug, q, page: page - 1 })}
              variant="secondary"
              rel="prev"
            >
              ← {t('previous')}
            </ButtonLink>
          ) : (
            <span />
          )}
          <p className="text-sm text-stone-600">{t('pageOf', { page, pages })}</p>
          {page < pages ? (
            <ButtonLink
              href={listingHref({ category: category?.slug, q, page: page + 1 })}
              variant="secondary"
              rel="next"
            >
              {t('next')} →
            </ButtonLink>
          ) : (
            <span />
          )}
        </nav>
      )}
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
