-- Catalog search (issue #11 item 4): full text in Dutch and English plus trigram matching for typos.
-- Written for PostgreSQL 15 (CI) and PGlite (PostgreSQL 18, opened with the pg_trgm and unaccent extensions).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (it looks its dictionary up on the search path); naming the dictionary makes
-- the result depend on the text alone, so the wrapper may be IMMUTABLE and used in index expressions.
CREATE OR REPLACE FUNCTION public.omnishop_unaccent(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, input) $$;
--> statement-breakpoint
-- A product's own words as one weighted document: names (A), brand (B), descriptions (C). Each language
-- is stemmed by its own configuration; the query side asks both. Category and colour live in other
-- tables (an index expression cannot join) and are matched beside it in lib/catalog/search.ts.
CREATE OR REPLACE FUNCTION public.omnishop_product_document(name_en text, name_nl text, brand text, description_en text, description_nl text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('english'::regconfig, public.omnishop_unaccent(coalesce(name_en, ''))), 'A')
        || setweight(to_tsvector('dutch'::regconfig, public.omnishop_unaccent(coalesce(name_nl, ''))), 'A')
        || setweight(to_tsvector('simple'::regconfig, public.omnishop_unaccent(coalesce(brand, ''))), 'B')
        || setweight(to_tsvector('english'::regconfig, public.omnishop_unaccent(coalesce(description_en, ''))), 'C')
        || setweight(to_tsvector('dutch'::regconfig, public.omnishop_unaccent(coalesce(description_nl, ''))), 'C')
  $$;
--> statement-breakpoint
-- The short words a shopper types and mistypes (names and brand), lower-cased and unaccented, for pg_trgm.
CREATE OR REPLACE FUNCTION public.omnishop_product_words(name_en text, name_nl text, brand text)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(public.omnishop_unaccent(concat_ws(' ', name_en, name_nl, brand))) $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "products_search_document_idx" ON "products"
  USING gin (public.omnishop_product_document("name_en", "name_nl", "brand", "description_en", "description_nl"));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "products_search_words_idx" ON "products"
  USING gin (public.omnishop_product_words("name_en", "name_nl", "brand") gin_trgm_ops);
--> statement-breakpoint
-- Filters on the listing: variants by colour and size within a product.
CREATE INDEX IF NOT EXISTS "variants_product_id_color_size_idx" ON "variants" ("product_id", "color", "size");
