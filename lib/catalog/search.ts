import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/db/client';
import nlShop from '@/lib/i18n/messages/nl/shop.json';

/**
 * An ILIKE pattern that matches `term` anywhere, with the user's own `%`, `_` and `\` taken literally
 * (otherwise a search for "50%" would match everything).
 */
export function likePattern(term: string): string {
  return `%${term.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "42 / black" from a variant's size and colour; '' when it has neither. */
export function variantLabel(v: { size: string | null; color: string | null }): string {
  return [v.size, v.color].filter((part): part is string => !!part).join(' / ');
}

// ---------------------------------------------------------------------------------------------------
// The catalog search engine (shop header, listing, counter). Ranking and matching happen in SQL, on
// the indexes of migration 0006 (products_search_document_idx, products_search_words_idx).

/** Longest query we search for; the rest is ignored. */
export const MAX_QUERY_LENGTH = 100;
/** Trigram closeness (pg_trgm word_similarity) a typed word needs to a catalog word: "snekaer" ~ "sneaker" is 0.375. */
const FUZZY_THRESHOLD = 0.3;
const MAX_TOKENS = 6;
const MAX_HITS = 500;

// Variant colours are stored in English; their Dutch names live in the shop's messages (one source
// for the page and the search), so "zwart" finds Black.
const COLOUR_NAMES = JSON.stringify(Object.entries(nlShop.colors).map(([en, nl]) => ({ en, nl })));

/** Lower-case words without accents, as the search compares them ("Crème" → "creme"). */
export function searchTokens(query: string): string[] {
  const folded = query.slice(0, MAX_QUERY_LENGTH).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set(folded.match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_TOKENS);
}

export interface CatalogSearchResult {
  /** Matching active products, best first (exact SKU/EAN matches lead). */
  productIds: number[];
  /** Active variants whose SKU or EAN is exactly the query. */
  exactVariantIds: number[];
  /** Active variants whose SKU or EAN is the query or starts with it (exact ones first). */
  codeVariantIds: number[];
  /** How the products were found: by code, by words, only by typo tolerance, or not at all. */
  match: 'code' | 'words' | 'fuzzy' | 'none';
  /**
   * When only typo tolerance or nothing matched: the query with each word replaced by the nearest catalog
   * word ("snekaer" → "sneaker"), when that differs from what was typed.
   */
  didYouMean: string | null;
  /** When nothing matched: the products closest to the query. */
  nearestProductIds: number[];
}

const EMPTY: CatalogSearchResult = { productIds: [], exactVariantIds: [], codeVariantIds: [], match: 'none', didYouMean: null, nearestProductIds: [] };

const productDocument = sql`public.omnishop_product_document(p.name_en, p.name_nl, p.brand, p.description_en, p.description_nl)`;
const productWords = sql`public.omnishop_product_words(p.name_en, p.name_nl, p.brand)`;
const categoryDocument = sql`(to_tsvector('english', public.omnishop_unaccent(c.name_en)) || to_tsvector('dutch', public.omnishop_unaccent(c.name_nl)))`;
const categoryWords = sql`lower(public.omnishop_unaccent(c.name_en || ' ' || c.name_nl))`;

/** The word in English, in Dutch (both stemmed) and as a prefix (so "snea" finds "sneaker" while typing). */
function wordQuery(token: string): SQL {
  const prefix = token.length >= 3 ? sql` || to_tsquery('simple', ${`${token}:*`})` : sql``;
  return sql`(plainto_tsquery('english', ${token}) || plainto_tsquery('dutch', ${token})${prefix})`;
}

/** A product variant (active) whose colour, in English or Dutch, satisfies `condition` on k.words / k.document. */
function colourMatch(condition: SQL): SQL {
  return sql`exists (select 1 from variants v left join colour_names n on lower(n.en) = lower(v.color)
    cross join lateral (select lower(public.omnishop_unaccent(coalesce(v.color, '') || ' ' || coalesce(n.nl, ''))) as words) k
    where v.product_id = p.id and v.active and v.color is not null and ${condition})`;
}

function exactTokenMatch(token: string): SQL {
  const q = wordQuery(token);
  return sql`(${productDocument} @@ ${q} or ${categoryDocument} @@ ${q}
    or ${colourMatch(sql`(to_tsvector('english', k.words) || to_tsvector('dutch', k.words)) @@ ${q}`)})`;
}

function fuzzyTokenMatch(token: string): SQL {
  if (token.length < 3) return exactTokenMatch(token);
  // `<%` is word_similarity above pg_trgm.word_similarity_threshold, which the GIN trigram index serves.
  return sql`(${exactTokenMatch(token)} or ${token} <% ${productWords}
    or word_similarity(${token}, ${categoryWords}) >= ${FUZZY_THRESHOLD}
    or ${colourMatch(sql`word_similarity(${token}, k.words) >= ${FUZZY_THRESHOLD}`)})`;
}

/**
 * Products matching every word. Ranked by full-text rank with names (A) above brand (B) above
 * descriptions (C), a category or colour hit, then trigram closeness of the whole query to the names.
 */
async function matchProducts(db: DbOrTx, tokens: string[], fuzzy: boolean, codeProductIds: number[]): Promise<number[]> {
  const anyWord = sql.join(tokens.map(wordQuery), sql` || `);
  const phrase = tokens.join(' ');
  const conditions = tokens.map((t) => (fuzzy ? fuzzyTokenMatch(t) : exactTokenMatch(t)));
  const codeIds = `{${codeProductIds.join(',')}}`;
  const result = await db.execute(sql`
    with colour_names as (select * from jsonb_to_recordset(${COLOUR_NAMES}::jsonb) as x(en text, nl text))
    select p.id as "productId"
    from products p join categories c on c.id = p.category_id
    where p.active and exists (select 1 from variants v where v.product_id = p.id and v.active)
      and (p.id = any(${codeIds}::int[]) or (${sql.join(conditions, sql` and `)}))
    order by p.id = any(${codeIds}::int[]) desc,
      ts_rank('{0.05, 0.2, 0.4, 1.0}', ${productDocument}, ${anyWord})
        + case when ${categoryDocument} @@ (${anyWord}) then 0.3 else 0 end
        + word_similarity(${phrase}, ${productWords}) * 0.5 desc,
      p.id
    limit ${MAX_HITS}`);
  return rowsOf<{ productId: number }>(result).map((r) => Number(r.productId));
}

/** Active variants whose SKU or EAN is exactly `query`, and (for 3+ characters) those starting with it. */
async function matchCodes(db: DbOrTx, query: string) {
  const code = query.trim();
  if (!/^[\p{L}\p{N}-]+$/u.test(code)) return { exact: [], all: [], products: [] };
  const prefix = code.length >= 3 ? `${code.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const prefixMatch = prefix ? sql`or upper(v.sku) like ${prefix} or v.ean like ${prefix}` : sql``;
  const result = await db.execute(sql`
    select v.id as "variantId", v.product_id as "productId", (upper(v.sku) = upper(${code}) or v.ean = ${code}) as exact
    from variants v join products p on p.id = v.product_id
    where v.active and p.active
      and (upper(v.sku) = upper(${code}) or v.ean = ${code} ${prefixMatch})
    order by exact desc, v.sku
    limit ${MAX_HITS}`);
  const rows = rowsOf<{ variantId: number; productId: number; exact: boolean }>(result);
  return {
    exact: rows.filter((r) => r.exact).map((r) => Number(r.variantId)),
    all: rows.map((r) => Number(r.variantId)),
    products: [...new Set(rows.map((r) => Number(r.productId)))],
  };
}

/** Looser than FUZZY_THRESHOLD: only used to suggest, never to count as a match. */
const SUGGEST_THRESHOLD = 0.15;
const NEAREST_LIMIT = 4;

/** The nearest catalog word for each typed word, and the products closest to the query. */
async function nearest(db: DbOrTx, tokens: string[]) {
  const phrase = tokens.join(' ');
  const [words, products] = await Promise.all([
    db.execute(sql`
      with colour_names as (select * from jsonb_to_recordset(${COLOUR_NAMES}::jsonb) as x(en text, nl text)),
      catalog_words as (
        select distinct w from (
          select regexp_split_to_table(${productWords}, '[^[:alnum:]]+') as w from products p where p.active
          union all select regexp_split_to_table(${categoryWords}, '[^[:alnum:]]+') from categories c
          union all select lower(public.omnishop_unaccent(x)) from colour_names, unnest(array[en, nl]) as x
        ) all_words where length(w) >= 3
      )
      select t.token, (select w from catalog_words order by similarity(t.token, w) desc, w limit 1) as word,
        (select max(similarity(t.token, w)) from catalog_words) as score
      from unnest(${`{${tokens.join(',')}}`}::text[]) as t(token)`),
    db.execute(sql`
      select p.id as "productId" from products p
      where p.active and exists (select 1 from variants v where v.product_id = p.id and v.active)
        and word_similarity(${phrase}, ${productWords}) >= ${SUGGEST_THRESHOLD}
      order by word_similarity(${phrase}, ${productWords}) desc, p.id
      limit ${NEAREST_LIMIT}`),
  ]);
  const corrected = rowsOf<{ token: string; word: string | null; score: number | null }>(words).map((r) =>
    r.word && Number(r.score) >= SUGGEST_THRESHOLD ? r.word : r.token,
  );
  const didYouMean = corrected.join(' ');
  return {
    didYouMean: didYouMean !== phrase ? didYouMean : null,
    nearestProductIds: rowsOf<{ productId: number }>(products).map((r) => Number(r.productId)),
  };
}

/**
 * Searches the catalog: exact SKU/EAN first, then full text over name, description, category, colour
 * and brand in English and Dutch; when that finds nothing, the same with trigram typo tolerance; when
 * that finds nothing either, "did you mean" and the nearest products.
 */
export async function searchCatalog(db: DbOrTx, query: string): Promise<CatalogSearchResult> {
  const tokens = searchTokens(query);
  if (tokens.length === 0) return EMPTY;
  const codes = await matchCodes(db, query);
  const words = await matchProducts(db, tokens, false, codes.products);
  const found = { ...EMPTY, productIds: words, exactVariantIds: codes.exact, codeVariantIds: codes.all };
  if (words.length > codes.products.length) return { ...found, match: 'words' };
  if (codes.products.length > 0) return { ...found, match: 'code' };
  // The threshold is local to this transaction (one pooled connection), so `<%` uses it and the index.
  const fuzzy = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`);
    return matchProducts(tx, tokens, true, []);
  });
  const { didYouMean, nearestProductIds } = await nearest(db, tokens);
  if (fuzzy.length > 0) return { ...EMPTY, productIds: fuzzy, match: 'fuzzy', didYouMean };
  // What the suggested words find is a better guess than trigram closeness to the whole query.
  const suggested = didYouMean ? (await matchProducts(db, searchTokens(didYouMean), false, [])).slice(0, NEAREST_LIMIT) : [];
  return { ...EMPTY, didYouMean, nearestProductIds: suggested.length > 0 ? suggested : nearestProductIds };
}
