/**
 * The client's address for rate limits and logs. Next's server fills `x-forwarded-for` with the socket's
 * address only when the request has none (base-server: `req.headers['x-forwarded-for'] ??= remoteAddress`),
 * so a client talking to the app directly can write it itself. Behind N trusted proxies
 * (`TRUSTED_PROXY_HOPS=N`, e.g. 1 behind one nginx that appends `$remote_addr`) the Nth address from the
 * right is the one the first trusted proxy saw; without that setting the rightmost entry is used, which
 * a direct client can forge — limits keyed on it are a second line after the per-account ones.
 */
export function clientAddress(headers: Headers, trustedHops = trustedProxyHops()): string {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = hops[hops.length - Math.max(1, trustedHops)] ?? hops[0];
  return normalise(picked ?? 'unknown');
}

export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
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
