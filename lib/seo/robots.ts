import type { MetadataRoute } from 'next';
import { siteUrl } from './urls';

/** Staff surfaces, APIs and the shopper's private pages: nothing for a search engine there. */
export const DISALLOWED_PATHS = ['/admin', '/counter', '/api', '/account', '/checkout'];

export function buildRobots(origin: string): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: DISALLOWED_PATHS }],
    sitemap: siteUrl(origin, '/sitemap.xml'),
  };
}
