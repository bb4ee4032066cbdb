import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products } from '@/db/schema';
import type { CatalogLocale } from './queries';
import { searchCatalog } from './search';

export interface SearchSuggestion {
  slug: string;
  name: string;
  brand: string;
}

export interface SearchSuggestions {
  items: SearchSuggestion[];
  /** A corrected query to offer when the typed words needed typo tolerance or found nothing. */
  didYouMean: string | null;
}

const SUGGESTION_LIMIT = 6;

/** The header's suggestions while typing: the best matches (or, when none, the nearest), named in `locale`. */
export async function suggestProducts(db: DbOrTx, query: string, locale: CatalogLocale): Promise<SearchSuggestions> {
  const found = await searchCatalog(db, query);
  const ids = (found.productIds.length > 0 ? found.productIds : found.nearestProductIds).slice(0, SUGGESTION_LIMIT);
  if (ids.length === 0) return { items: [], didYouMean: found.didYouMean };
  const rows = await db
    .select({ id: products.id, slug: products.slug, name: locale === 'en' ? products.nameEn : products.nameNl, brand: products.brand })
    .from(products)
    .where(and(inArray(products.id, ids), eq(products.active, true)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [{ slug: row.slug, name: row.name, brand: row.brand }] : [];
    }),
    didYouMean: found.didYouMean,
  };
}
