import { describe, expect, it } from 'vitest';
import { clientAddress, isLimitableAddress } from './client-address';

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
