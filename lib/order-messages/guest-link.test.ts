import { describe, expect, it } from 'vitest';
import { createGuestOrderToken, GUEST_LINK_TTL_MS, guestOrderLinkPath, verifyGuestOrderToken } from './guest-link';

const ORDER = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
const OTHER = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0c';
const NOW = new Date('2026-05-01T10:00:00Z');

describe('guest order links', () => {
  it('open their own order until they expire (30 days)', () => {
    const { path, expiresAt } = guestOrderLinkPath(ORDER, NOW);
    expect(expiresAt.getTime() - NOW.getTime()).toBe(GUEST_LINK_TTL_MS);
    const url = new URL(path, 'http://shop.test');
    expect(url.pathname).toBe(`/orders/${ORDER}/open`);
    const token = url.searchParams.get('access');
    expect(verifyGuestOrderToken(ORDER, token, NOW)).toBe(true);
    expect(verifyGuestOrderToken(ORDER.toUpperCase(), token, NOW)).toBe(true);
    expect(verifyGuestOrderToken(ORDER, token, new Date(expiresAt.getTime() - 1000))).toBe(true);
    expect(verifyGuestOrderToken(ORDER, token, expiresAt)).toBe(false);
  });

  it('never open another order, and refuse tampering, made-up and empty tokens', () => {
    const token = createGuestOrderToken(ORDER, new Date(NOW.getTime() + 60_000));
    expect(verifyGuestOrderToken(OTHER, token, NOW)).toBe(false);
    const [expires, signature] = token.split('.');
    // A later expiry with the old signature.
    expect(verifyGuestOrderToken(ORDER, `${(parseInt(expires, 36) + 86_400).toString(36)}.${signature}`, NOW)).toBe(false);
    expect(verifyGuestOrderToken(ORDER, `${expires}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, NOW)).toBe(false);
    for (const bad of [null, undefined, '', '.', 'abc', `${expires}.`, `.${signature}`, `${expires}.${signature}.x`, 'x'.repeat(500)]) {
      expect(verifyGuestOrderToken(ORDER, bad, NOW)).toBe(false);
    }
  });
});
