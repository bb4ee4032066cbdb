/**
 * The client's address for rate limits and logs, from `x-forwarded-for`.
 *
 * What `next start` itself does (next 16.4, dist/server/base-server.js): it never appends to
 * `x-forwarded-for`; it fills it with the socket's address only when the request has none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`), after proxy.ts ran. So a client talking to
 * the app directly could write the header itself and pick its own address. The rule:
 * - `TRUSTED_PROXY_HOPS=N` (N ≥ 1 proxies in front, each appending the address it saw, e.g. nginx's
 *   `$proxy_add_x_forwarded_for`): the Nth entry from the right — what the outermost trusted proxy saw;
 *   entries left of it are the client's own words and are never used.
 * - unset or 0 (no proxy): proxy.ts drops any `x-forwarded-for` the client sent (withoutUntrustedForwardedFor,
 *   via lib/http/request-origin.ts), so Next fills in the socket's address and that is the one used.
 */
export function clientAddress(headers: Headers, trustedHops = trustedProxyHops()): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = hops[hops.length - Math.max(1, trustedHops)] ?? hops[0];
  return normalise(picked ?? 'unknown');
}

/**
 * The request headers without a client-written `x-forwarded-for` when no proxy is declared, so that Next
 * puts the socket's address there (see above). Behind declared proxies the header passes unchanged.
 */
export function withoutUntrustedForwardedFor(headers: Headers, env: Record<string, string | undefined> = process.env): Headers {
  const out = new Headers(headers);
  if (trustedProxyHops(env) === 0) out.delete('x-forwarded-for');
  return out;
}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = (env.TRUSTED_PROXY_HOPS ?? '').trim();
  const n = /^[0-9]{1,2}$/.test(raw) ? Number(raw) : 0;
  return n <= 10 ? n : 0;
}

// IPv4-mapped IPv6 (::ffff:1.2.3.4) is the same client as 1.2.3.4; keys are bounded in length.
function normalise(address: string): string {
  return address.replace(/^::ffff:/i, '').slice(0, 64).toLowerCase();
}

/**
 * Whether an address counts for per-address limits. Loopback does not: it is this machine (local
 * development, the test suites) or a proxy on this host that forwards no client address — keying every
 * customer on the proxy's address would lock them all out at once. Per-cart and per-account limits
 * still apply to such requests.
 */
export function isLimitableAddress(address: string): boolean {
  return !/^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/.test(address);
}
