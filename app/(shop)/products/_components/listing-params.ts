import { LISTING_SORTS, type ListingSort } from '@/lib/catalog/browse';

// The listing's state lives in its URL (shareable, back button, works without JavaScript).

export type RawParams = Record<string, string | string[] | undefined>;

export interface ListingParams {
  q: string;
  category: string;
  sizes: string[];
  colors: string[];
  /** Euros as typed ("25" or "25,50"); converted to cents for the query. */
  min: string;
  max: string;
  inStock: boolean;
  sort: ListingSort;
  page: number;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.slice(0, 40)).slice(0, 20);

export function parseListingParams(raw: RawParams): ListingParams {
  const sort = one(raw.sort) as ListingSort;
  return {
    q: one(raw.q).trim().slice(0, 100),
    category: one(raw.category),
    sizes: many(raw.size),
    colors: many(raw.color),
    min: one(raw.min).trim().slice(0, 10),
    max: one(raw.max).trim().slice(0, 10),
    inStock: one(raw.stock) === '1',
    sort: LISTING_SORTS.includes(sort) ? sort : 'relevance',
    page: Math.max(1, Math.floor(Number(one(raw.page)) || 1)),
  };
}

/** Cents from a euro amount typed with a comma or a point; null when empty or not a price. */
export function euroToCents(value: string): number | null {
  if (!/^\d{1,6}([.,]\d{1,2})?$/.test(value)) return null;
  return Math.round(Number(value.replace(',', '.')) * 100);
}

/** The listing URL for `params` with `change` applied; a change of filters goes back to page 1. */
export function listingHref(params: ListingParams, change: Partial<ListingParams> = {}): string {
  const next = { ...params, page: 1, ...change };
  const search = new URLSearchParams();
  if (next.q) search.set('q', next.q);
  if (next.category) search.set('category', next.category);
  for (const s of next.sizes) search.append('size', s);
  for (const c of next.colors) search.append('color', c);
  if (next.min) search.set('min', next.min);
  if (next.max) search.set('max', next.max);
  if (next.inStock) search.set('stock', '1');
  if (next.sort !== 'relevance') search.set('sort', next.sort);
  if (next.page > 1) search.set('page', String(next.page));
  const query = search.toString();
  return query ? `/products?${query}` : '/products';
}
