import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/client';
import { categories, products, variants } from '@/db/schema';
import { effectivePriceCents } from './effective-price';
import type { CatalogLocale, ProductCardDto } from './queries';

// The shop's listing: filters (size, colour, price, in stock in a store) and sorting over the active
// catalog or over the ranked ids of a search (lib/catalog/search), paginated, with counts per filter
// value. A product passes when ONE of its active variants passes every variant filter; each facet
// counts products as if its own filter were not set (so choosing "42" still shows how many are 41).

export const LISTING_SORTS = ['relevance', 'price-asc', 'price-desc', 'newest'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];

export interface ListingFilters {
  sizes?: string[];
  colors?: string[];
  minPriceCents?: number;
  maxPriceCents?: number;
  /** Only products with stock available in this store. */
  inStockAt?: number;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface ListingPage {
  items: ProductCardDto[];
  total: number;
  facets: { sizes: FacetValue[]; colors: FacetValue[]; inStock: number | null };
}

/** Sizes in the order a shopper expects: numbers by value, then letter sizes S < M < L < XL, then the rest. */
const LETTER_SIZES = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL'];
function sizeOrder(a: string, b: string): number {
  const na = Number.parseFloat(a);
  const nb = Number.parseFloat(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb || a.localeCompare(b);
  if (!Number.isNaN(na) !== !Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1;
  const la = LETTER_SIZES.indexOf(a);
  const lb = LETTER_SIZES.indexOf(b);
  if (la >= 0 && lb >= 0) return la - lb;
  return (la >= 0 ? -1 : 0) - (lb >= 0 ? -1 : 0) || a.localeCompare(b);
}

const textArray = (values: string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;

/**
 * One page of the listing. `productIds` (ranked, from a search) limits it to those products; sort
 * 'relevance' keeps their order (without a search it is by name). Prices filtered and sorted are
 * catalog prices at `now` (effectivePriceCents) — before promotions, which the cards then apply.
 */
export async function browseProducts(
  db: DbOrTx,
  options: {
    locale: CatalogLocale;
    categorySlug?: string;
    productIds?: number[];
    filters: ListingFilters;
    /** The shopper's store, to count "in stock there" even before that filter is chosen. */
    stockStoreId?: number;
    sort: ListingSort;
    limit: number;
    offset: number;
    now?: Date;
  },
): Promise<ListingPage> {
  const { filters } = options;
  const name = options.locale === 'en' ? sql`p.name_en` : sql`p.name_nl`;
  const scope: SQL[] = [sql`variants.active`, sql`p.active`];
  if (options.categorySlug) scope.push(sql`c.slug = ${options.categorySlug}`);
  if (options.productIds) scope.push(sql`p.id = any(${`{${options.productIds.join(',')}}`}::int[])`);
  const stockStore = filters.inStockAt ?? options.stockStoreId;
  const inStock = stockStore
    ? sql`exists (select 1 from stock_levels s where s.variant_id = variants.id and s.location_id = ${stockStore} and s.on_hand - s.reserved > 0)`
    : sql`false`;
  const okSize = filters.sizes?.length ? sql`size = any(${textArray(filters.sizes)})` : sql`true`;
  const okColor = filters.colors?.length ? sql`color = any(${textArray(filters.colors)})` : sql`true`;
  const okPrice = sql`(${filters.minPriceCents ?? null}::int is null or price_cents >= ${filters.minPriceCents ?? null}::int)
    and (${filters.maxPriceCents ?? null}::int is null or price_cents <= ${filters.maxPriceCents ?? null}::int)`;
  const okStock = filters.inStockAt ? sql`in_stock` : sql`true`;
  const matched = sql`with matched as (
      select variants.id as variant_id, variants.product_id, variants.size, variants.color,
        ${effectivePriceCents(options.now ?? new Date())} as price_cents, ${inStock} as in_stock
      from ${variants} join ${products} p on p.id = variants.product_id join ${categories} c on c.id = p.category_id
      where ${sql.join(scope, sql` and `)}
    )`;

  const facetRows = await db.execute(sql`${matched}
    select 'size' as facet, size as value, count(distinct product_id)::int as n from matched
      where size is not null and size <> '' and ${okColor} and ${okPrice} and ${okStock} group by size
    union all select 'color', color, count(distinct product_id)::int from matched
      where color is not null and color <> '' and ${okSize} and ${okPrice} and ${okStock} group by color
    union all select 'stock', '', count(distinct product_id)::int from matched where in_stock and ${okSize} and ${okColor} and ${okPrice}
    union all select 'total', '', count(distinct product_id)::int from matched where ${okSize} and ${okColor} and ${okPrice} and ${okStock}`);
  const facets = rowsOf<{ facet: string; value: string; n: number }>(facetRows);
  const facetOf = (facet: string) => facets.filter((f) => f.facet === facet).map((f) => ({ value: f.value, count: Number(f.n) }));

  const relevance = options.productIds
    ? sql`array_position(${`{${options.productIds.join(',')}}`}::int[], p.id)`
    : sql`${name}`;
  const order = {
    relevance: sql`${relevance}, p.id`,
    'price-asc': sql`min(ok.price_cents), ${name}, p.id`,
    'price-desc': sql`min(ok.price_cents) desc, ${name}, p.id`,
    newest: sql`p.created_at desc, p.id desc`,
  }[options.sort];
  const itemRows = await db.execute(sql`${matched}
    select p.id, p.slug, ${name} as name, p.brand, p.image_path as "imagePath", c.slug as "categorySlug",
      min(ok.price_cents)::int as "fromPriceCents", count(ok.variant_id)::int as "variantCount"
    from (select * from matched where ${okSize} and ${okColor} and ${okPrice} and ${okStock}) ok
      join products p on p.id = ok.product_id join categories c on c.id = p.category_id
    group by p.id, c.slug
    order by ${order}
    limit ${options.limit} offset ${options.offset}`);
  const items = rowsOf<ProductCardDto>(itemRows).map((r) => ({
    ...r,
    id: Number(r.id),
    fromPriceCents: Number(r.fromPriceCents),
    variantCount: Number(r.variantCount),
  }));

  return {
    items,
    total: facetOf('total')[0]?.count ?? 0,
    facets: {
      sizes: facetOf('size').sort((a, b) => sizeOrder(a.value, b.value)),
      colors: facetOf('color').sort((a, b) => a.value.localeCompare(b.value)),
      inStock: stockStore ? (facetOf('stock')[0]?.count ?? 0) : null,
    },
  };
}
