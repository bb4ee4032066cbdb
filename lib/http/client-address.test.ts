import { describe, expect, it } from 'vitest';
import { clientAddress, isLimitableAddress, trustedProxyHops } from './client-address';
import { withTrustedForwardedHeaders } from './request-origin';

const h = (xff?: string) => new Headers(xff ? { 'x-forwarded-for': xff } : {});

describe('clientAddress', () => {
  it('uses the rightmost address when no proxy is trusted', () => {
    expect(clientAddress(h('::ffff:127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientAddress(h('6.6.6.6, 10.0.0.5'), 0)).toBe('10.0.0.5');
  });

  it('behind N trusted proxies takes the address the first of them saw, not what the client wrote', () => {
    expect(clientAddress(h('6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(h('6.6.6.6, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
  });

  it('says unknown without a header', () => {
    expect(clientAddress(h(), 0)).toBe('unknown');
  });

  it('does not key per-address limits on loopback (this machine, or a proxy that forwards no address)', () => {
    for (const local of ['127.0.0.1', '127.1.2.3', '::1']) expect(isLimitableAddress(local)).toBe(false);
    for (const remote of ['203.0.113.9', '2001:db8::1', 'unknown', '127.0.0.1.evil']) expect(isLimitableAddress(remote)).toBe(true);
  });
});

/**
 * A request the way the app sees it under `next start`: proxy.ts rewrites the client's headers
 * (withTrustedForwardedHeaders), then Next fills in the socket's address only where the header is absent —
 * dist/server/base-server.js: `req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress`.
 */
function seenByApp(sent: Record<string, string>, socketAddress: string, env: Record<string, string>): string {
  const headers = withTrustedForwardedHeaders(new Headers(sent), env);
  if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', socketAddress);
  return clientAddress(headers, trustedProxyHops(env));
}

describe('the address the limits see under next start', () => {
  it('without TRUSTED_PROXY_HOPS, is the socket address, whatever X-Forwarded-For the client wrote', () => {
    expect(seenByApp({}, '203.0.113.9', {})).toBe('203.0.113.9');
    expect(seenByApp({ 'x-forwarded-for': '6.6.6.6' }, '203.0.113.9', {})).toBe('203.0.113.9');
    expect(seenByApp({ 'x-forwarded-for': '6.6.6.6, 7.7.7.7' }, '203.0.113.9', {})).toBe('203.0.113.9');
    expect(seenByApp({ 'x-forwarded-for': '6.6.6.6' }, '::ffff:203.0.113.9', { TRUSTED_PROXY_HOPS: '0' })).toBe('203.0.113.9');
    // AUTH_TRUST_HOST trusts the forwarded host/protocol for Auth.js, not client addresses.
    expect(seenByApp({ 'x-forwarded-for': '6.6.6.6' }, '203.0.113.9', { AUTH_TRUST_HOST: 'true' })).toBe('203.0.113.9');
  });

  it('a direct client cannot spread its requests over made-up addresses', () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => seenByApp({ 'x-forwarded-for': `198.51.100.${i}` }, '203.0.113.9', {})));
    expect([...seen]).toEqual(['203.0.113.9']);
  });

  it('behind N declared proxies, counts N entries from the right (Next appends none) and ignores what the client wrote left of them', () => {
    // nginx appends the address it saw ($proxy_add_x_forwarded_for); the socket is nginx itself.
    expect(seenByApp({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }, '10.0.0.2', { TRUSTED_PROXY_HOPS: '1' })).toBe('203.0.113.9');
    expect(seenByApp({ 'x-forwarded-for': '203.0.113.9' }, '10.0.0.2', { TRUSTED_PROXY_HOPS: '1' })).toBe('203.0.113.9');
    expect(seenByApp({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.3' }, '10.0.0.2', { TRUSTED_PROXY_HOPS: '2' })).toBe('203.0.113.9');
  });

  it('reads TRUSTED_PROXY_HOPS as decimal digits only', () => {
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    for (const bad of ['0x1', '1e0', '-1', '11', ' ', 'one']) expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toBe(0);
  });
});
