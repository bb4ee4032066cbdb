import type { MetadataRoute } from 'next';
import { getDb } from '@/lib/db';
import { siteOrigin } from '@/lib/seo/request-origin';
import { listSitemapProducts } from '@/lib/seo/queries';
import { buildSitemap } from '@/lib/seo/sitemap';

// Read at request time: the catalog lives in the database, not in the build.
export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return buildSitemap(await siteOrigin(), await listSitemapProducts(getDb()));
}
