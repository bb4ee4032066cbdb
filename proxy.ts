import { NextResponse, type NextRequest } from 'next/server';
import { isHttpsRequest, withTrustedForwardedHeaders } from '@/lib/http/request-origin';
import { createNonce, securityHeaders } from '@/lib/security/headers';
import { isLocale, LOCALE_OVERRIDE_HEADER } from '@/lib/i18n/config';

/**
 * Runs before every page, server action and route handler (Next 16's name for middleware). It only
 * shapes the response — security headers with a fresh CSP nonce — and the request headers the app sees
 * (forwarded host/protocol only from a declared proxy). It authorizes nothing: actions, route handlers
 * and queries check the caller themselves.
 * https://nextjs.org/docs/app/guides/content-security-policy
 */
export function proxy(request: NextRequest) {
  const https = isHttpsRequest(request.headers);
  const nonce = createNonce();
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    dev: process.env.NODE_ENV === 'development',
    https,
    production: process.env.NODE_ENV === 'production',
  });
  const requestHeaders = withTrustedForwardedHeaders(request.headers);
  // Next takes the nonce for its own scripts from the request's CSP header while it renders.
  requestHeaders.set('content-security-policy', headers['content-security-policy']);
  // For a <Script nonce={…}> of our own (headers().get('x-nonce')); never the client's value.
  requestHeaders.set('x-nonce', nonce);
  // `?lang=nl|en` renders this request in that language (hreflang alternates); only the proxy may say so.
  requestHeaders.delete(LOCALE_OVERRIDE_HEADER);
  const lang = request.nextUrl.searchParams.get('lang');
  if (isLocale(lang)) requestHeaders.set(LOCALE_OVERRIDE_HEADER, lang);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not for build assets (content-hashed JS/CSS, served with their own headers from next.config.js).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
