// The review form's limits, apart from the zod schemas: a client component importing schemas.ts put
// all of zod (~100 KB of JavaScript) on every product page.

/** Longest title and text, as the DB CHECKs (product_reviews_title_length / _body_length) allow. */
export const REVIEW_TITLE_MAX = 120;
export const REVIEW_BODY_MAX = 2000;
export const RATINGS = [1, 2, 3, 4, 5] as const;
