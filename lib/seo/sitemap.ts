import type { MetadataRoute } from 'next';
import { languageAlternates, siteUrl } from './urls';

export interface SitemapProduct {
  slug: string;
  updatedAt: Date;
}

const entry = (origin: string, path: string, extra: Partial<MetadataRoute.Sitemap[number]> = {}): MetadataRoute.Sitemap[number] => ({
  url: siteUrl(origin, path),
  alternates: { languages: languageAlternates(origin, path) },
  ...extra,
});

/**
 * The public pages: home, the catalog, the stores page (the stores have no page of their own: each is
 * a card there, listed by `#code` anchors would add nothing for a crawler) and every active product.
 */
export function buildSitemap(origin: string, products: SitemapProduct[]): MetadataRoute.Sitemap {
  return [
    entry(origin, '/', { changeFrequency: 'daily', priority: 1 }),
    entry(origin, '/products', { changeFrequency: 'daily', priority: 0.8 }),
    entry(origin, '/stores', { changeFrequency: 'monthly', priority: 0.6 }),
    ...products.map((p) => entry(origin, `/products/${encodeURIComponent(p.slug)}`, { lastModified: p.updatedAt, changeFrequency: 'weekly', priority: 0.7 })),
  ];
}
