import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import type { CounterSearchResult } from '@/lib/orders/counter-queries';
import type { CounterReviewBadge } from '@/lib/reviews/queries';
import { localizedText } from '@/lib/promotions/explain';
import { AddToCartButton } from './add-to-cart-button';
import { CounterPrice } from './counter-price';
import { EndlessAisleLink } from './endless-aisle-link';
import { itemLabel, variantText } from './item-label';
import { ReviewBadge } from './review-badge';

/** Search results: what it is, what it costs here, and where it is in stock. */
export function SearchResults({
  query,
  results,
  locale,
  reviews = {},
}: {
  query: string;
  results: CounterSearchResult[];
  locale: Locale;
  /** Per product: its reviews' average and count, and the in-store display page (S10). */
  reviews?: Record<number, CounterReviewBadge>;
}) {
  const t = useTranslations('counter.sale');
  const colors = useTranslations('shop.colors');
  if (results.length === 0) {
    return (
      <div className="rounded-2xl border-2 border-dashed border-stone-300 px-6 py-10 text-center">
        <p className="text-lg font-semibold text-stone-800">{t('noResults', { query })}</p>
        <p className="mt-1 text-stone-600">{t('noResultsHint')}</p>
      </div>
    );
  }
  return (
    <section aria-labelledby="results-title">
      <h2
        id="results-title"
        className="mb-2 flex items-baseline justify-between gap-2 text-base font-semibold text-stone-800"
      >
        <span>{t('resultsTitle', { query })}</span>
        <span className="text-sm font-normal text-stone-500">
          {t('resultCount', { count: results.length })}
        </span>
      </h2>
      <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl bg-white ring-1 ring-stone-200 max-lg:max-h-[50dvh] max-lg:overflow-y-auto">
        {results.map((r) => {
          const variant = variantText(colors, r);
          return (
            <li key={r.variantId} className="flex items-start gap-3 px-3 py-3">
              {/* eslint-disable-next-line @next/next/no-img-element -- small catalogue SVGs, see components/shop/product-image.tsx */}
              <img
                src={r.imagePath}
                alt=""
                width={56}
                height={56}
                loading="lazy"
                className="size-14 shrink-0 rounded-lg bg-stone-100 object-cover"
              />
              <div className="min-w-0 flex-1">
                <p className="font-semibold text-stone-900">{r.productName}</p>
                <p className="text-sm text-stone-600">
                  {variant && <span className="font-medium text-stone-800">{variant}</span>}
                  {variant && <span aria-hidden="true"> · </span>}
                  <span>{t('sku', { sku: r.sku })}</span>
                </p>
                <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <StockHere count={r.stockHere} />
                  <span className="text-stone-600">
                    {r.elsewhere.length
                      ? t('elsewhere', {
                          list: r.elsewhere
                            .map((s) => `${s.kind === 'warehouse' ? t('warehouse') : s.city} ${s.available}`)
                            .join(' · '),
                        })
                      : t('nowhereElse')}
                  </span>
                </p>
                {reviews[r.productId] && <ReviewBadge badge={reviews[r.productId]} productName={r.productName} locale={locale} />}
              </div>
              <div className="flex shrink-0 flex-col items-end gap-2">
                <div className="flex flex-col items-end">
                  <CounterPrice
                    priceCents={r.price.finalUnitCents}
                    regularCents={r.price.unitPriceCents}
                    locale={locale}
                    size="lg"
                  />
                  {r.price.promotion && (
                    <span className="rounded-full bg-orange-100 px-2 py-0.5 text-xs font-medium text-orange-800">
                      {localizedText(r.price.promotion.title, locale) || r.price.promotion.name}
                    </span>
                  )}
                </div>
                <AddToCartButton variantId={r.variantId} item={itemLabel(r.productName, variant)} />
                {/* Endless aisle (S7): too little here, some elsewhere — sell it from there. */}
                {r.stockHere <= 1 && r.elsewhere.length > 0 && (
                  <EndlessAisleLink variantId={r.variantId} item={itemLabel(r.productName, variant)} />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function StockHere({ count }: { count: number }) {
  const t = useTranslations('counter.sale');
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 font-semibold ${count > 0 ? 'bg-brand-50 text-brand-800' : 'bg-amber-100 text-amber-900'}`}
    >
      <span
        aria-hidden="true"
        className={`size-2 rounded-full ${count > 0 ? 'bg-brand-600' : 'bg-amber-500'}`}
      />
      {count > 0 ? t('here', { count }) : t('noneHere')}
    </span>
  );
}
