import { trustedProxyHops, withoutUntrustedForwardedFor } from './client-address';

// Whether a request came over https, for Secure cookies and HSTS. Next fills `x-forwarded-proto` and
// `x-forwarded-host` only when the request has none (base-server: `??=`), so a client talking to the app
// directly can write them; they count only when a proxy in front is declared. Auth.js decides its own
// cookies the same way (`useSecureCookies ?? url.protocol === 'https:'`, the URL from AUTH_URL, else from
// x-forwarded-proto/-host), which is why proxy.ts rewrites the untrusted headers before anything reads them.

type Env = Record<string, string | undefined>;

/** The public origin configured for the app (AUTH_URL, as Auth.js reads it), or null. */
export function configuredOrigin(env: Env = process.env): URL | null {
  const value = env.AUTH_URL ?? env.NEXTAUTH_URL;
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True when a proxy in front is declared: TRUSTED_PROXY_HOPS ≥ 1, or AUTH_TRUST_HOST=true (Auth.js's flag). */
export function forwardedHeadersTrusted(env: Env = process.env): boolean {
  const trustHost = (env.AUTH_TRUST_HOST ?? '').toLowerCase();
  return trustedProxyHops(env) > 0 || trustHost === 'true' || trustHost === '1';
}

/**
 * Whether the browser reached the app over https: the configured public origin (AUTH_URL) when there is
 * one, else a declared proxy's `x-forwarded-proto` (its first entry: the hop the browser talked to),
 * else no — `next start` itself speaks plain http.
 */
export function isHttpsRequest(headers: Headers, env: Env = process.env): boolean {
  const origin = configuredOrigin(env);
  if (origin) return origin.protocol === 'https:';
  if (!forwardedHeadersTrusted(env)) return false;
  const proto = (headers.get('x-forwarded-proto') ?? '').split(',')[0].trim().toLowerCase();
  return proto === 'https';
}

/**
 * The request headers as the app should see them: without a declared proxy, `x-forwarded-host` is the
 * Host the browser sent and `x-forwarded-proto` what isHttpsRequest decided, so nothing downstream
 * (Auth.js base URLs and cookies, server-action origin checks) can be steered by a forged header; without
 * TRUSTED_PROXY_HOPS, a client's `x-forwarded-for` is dropped (Next then writes the socket's address).
 * Returns a copy; with a declared proxy the headers pass unchanged.
 */
export function withTrustedForwardedHeaders(headers: Headers, env: Env = process.env): Headers {
  // x-forwarded-for only through TRUSTED_PROXY_HOPS (AUTH_TRUST_HOST says nothing about client addresses).
  const out = withoutUntrustedForwardedFor(headers, env);
  if (forwardedHeadersTrusted(env)) return out;
  const host = headers.get('host');
  if (host) out.set('x-forwarded-host', host);
  else out.delete('x-forwarded-host');
  out.set('x-forwarded-proto', isHttpsRequest(headers, env) ? 'https' : 'http');
  return out;
}
