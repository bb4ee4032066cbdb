import { NextResponse, type NextRequest } from 'next/server';
import { isHttpsRequest, withTrustedForwardedHeaders } from '@/lib/http/request-origin';
import { createNonce, securityHeaders } from '@/lib/security/headers';
import { isLocale, LOCALE_OVERRIDE_HEADER } from '@/lib/i18n/config';
import {
  ATTRIBUTION_COOKIE,
  planLanding,
  VISIT_HEADER,
  VISITOR_COOKIE,
  VISITOR_MAX_AGE_S,
} from '@/lib/insight/visitor-cookies';

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
  // Analytics (S13), only with consent 'all': the visitor id and, on landing, the visit's source. Cookies
  // only here — the page that renders records the visit (VISIT_HEADER; never the client's value).
  requestHeaders.delete(VISIT_HEADER);
  const plan = planLanding(
    { method: request.method, url: request.nextUrl, headers: request.headers, cookie: (n) => request.cookies.get(n)?.value },
    new Date(),
    () => crypto.randomUUID(),
  );
  if (plan) {
    request.cookies.set(VISITOR_COOKIE, plan.visitorId);
    if (plan.visit) {
      request.cookies.set(ATTRIBUTION_COOKIE, plan.visit.cookie);
      requestHeaders.set(VISIT_HEADER, JSON.stringify(plan.visit.landing));
    }
    requestHeaders.set('cookie', request.cookies.toString());
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (plan?.newVisitor) {
    response.cookies.set(VISITOR_COOKIE, plan.visitorId, { ...COOKIE, secure: https, maxAge: VISITOR_MAX_AGE_S });
  }
  // A session cookie: the visit's source lasts the browser session (its JSON caps it at 30 days).
  if (plan?.visit) response.cookies.set(ATTRIBUTION_COOKIE, plan.visit.cookie, { ...COOKIE, secure: https });
  return response;
}

const COOKIE = { httpOnly: true, sameSite: 'lax', path: '/' } as const;

export const config = {
  // Not for build assets (content-hashed JS/CSS, served with their own headers from next.config.js).
  matcher: ['/((?!_next/static|_next/image).*)'],
};
