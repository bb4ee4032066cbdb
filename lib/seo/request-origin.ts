import 'server-only';
import { headers } from 'next/headers';
import { configuredOrigin, isHttpsRequest } from '@/lib/http/request-origin';

/**
 * The site's public origin for absolute URLs (sitemap, canonical, OpenGraph): AUTH_URL when configured,
 * else the Host of this request (the proxy has already dropped forwarded headers from untrusted hops).
 */
export async function siteOrigin(): Promise<string> {
  const configured = configuredOrigin();
  if (configured) return configured.origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  return `${isHttpsRequest(h) ? 'https' : 'http'}://${host}`;
}
