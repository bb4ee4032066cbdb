import { getTranslations } from 'next-intl/server';
import { colorName } from '@/components/shop/variant-text';
import { inputClass } from '@/components/ui/field';
import { OpenOnWideScreens } from '@/components/ui/open-on-wide-screens';
import type { ListingPage } from '@/lib/catalog/browse';
import { LISTING_SORTS } from '@/lib/catalog/browse';
import { listingHref, type ListingParams } from './listing-params';

const SORT_LABEL = {
  relevance: 'sortRelevance',
  'price-asc': 'sortPriceAsc',
  'price-desc': 'sortPriceDesc',
  newest: 'sortNewest',
} as const;

/**
 * Filters and sort as one GET form (no JavaScript needed): checkboxes with the number of products each
 * value would show, a price range, "in stock at <store>" when the shopper has a store, and the order.
 */
export async function ListingFilters({
  params,
  facets,
  store,
}: {
  params: ListingParams;
  facets: ListingPage['facets'];
  store: { name: string } | null;
}) {
  const t = await getTranslations('search.listing');
  const tc = await getTranslations('shop.colors');
  const filtered = params.sizes.length > 0 || params.colors.length > 0 || !!params.min || !!params.max || params.inStock;
  const legend = 'mb-2 text-sm font-semibold text-stone-900';
  const option = 'flex min-h-11 items-center gap-2 text-sm text-stone-700 sm:min-h-9';
  return (
    <OpenOnWideScreens open={filtered} className="group rounded-2xl bg-white ring-1 ring-stone-200">
      <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-semibold">{t('filters')}</summary>
      <form action="/products" className="grid gap-5 px-4 pt-1 pb-4">
        {params.q && <input type="hidden" name="q" value={params.q} />}
        {params.category && <input type="hidden" name="category" value={params.category} />}

        <div>
          <label htmlFor="listing-sort" className={`block ${legend}`}>
            {t('sort')}
          </label>
          <select id="listing-sort" name="sort" defaultValue={params.sort} className={inputClass}>
            {LISTING_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABEL[s])}
              </option>
            ))}
          </select>
        </div>

        {facets.sizes.length > 0 && (
          <fieldset>
            <legend className={legend}>{t('size')}</legend>
            <div className="grid grid-cols-2 gap-x-3">
              {facets.sizes.map((s) => (
                <label key={s.value} className={option}>
                  <input type="checkbox" name="size" value={s.value} defaultChecked={params.sizes.includes(s.value)} className="size-4" />
                  {t('valueCount', { value: s.value, count: s.count })}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {facets.colors.length > 0 && (
          <fieldset>
            <legend className={legend}>{t('colour')}</legend>
            <div className="grid grid-cols-2 gap-x-3">
              {facets.colors.map((c) => (
                <label key={c.value} className={option}>
                  <input type="checkbox" name="color" value={c.value} defaultChecked={params.colors.includes(c.value)} className="size-4" />
                  {t('valueCount', { value: colorName(tc, c.value), count: c.count })}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <fieldset>
          <legend className={legend}>{t('price')}</legend>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label htmlFor="listing-min" className="mb-1 block text-xs text-stone-600">
                {t('minPrice')}
              </label>
              <input id="listing-min" name="min" inputMode="decimal" defaultValue={params.min} maxLength={9} className={inputClass} />
            </div>
            <div>
              <label htmlFor="listing-max" className="mb-1 block text-xs text-stone-600">
                {t('maxPrice')}
              </label>
              <input id="listing-max" name="max" inputMode="decimal" defaultValue={params.max} maxLength={9} className={inputClass} />
            </div>
          </div>
        </fieldset>

        {store && facets.inStock !== null && (
          <fieldset>
            <legend className={legend}>{t('availability')}</legend>
            <label className={option}>
              <input type="checkbox" name="stock" value="1" defaultChecked={params.inStock} className="size-4" />
              {t('valueCount', { value: t('inStock', { store: store.name }), count: facets.inStock })}
            </label>
          </fieldset>
        )}

        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="h-11 rounded-lg bg-stone-900 px-4 text-sm font-medium text-white hover:bg-stone-800">
            {t('apply')}
          </button>
          {filtered && (
            <a
              href={listingHref(params, { sizes: [], colors: [], min: '', max: '', inStock: false })}
              className="text-sm font-medium text-stone-700 underline"
            >
              {t('clear')}
            </a>
          )}
        </div>
      </form>
    </OpenOnWideScreens>
  );
}
