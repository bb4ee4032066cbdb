import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products } from '@/db/schema';
import type { SitemapProduct } from './sitemap';

/** Every active product's slug and last change, for sitemap.xml. */
export function listSitemapProducts(db: DbOrTx): Promise<SitemapProduct[]> {
  return db.select({ slug: products.slug, updatedAt: products.updatedAt }).from(products).where(eq(products.active, true)).orderBy(asc(products.slug));
}
