import { describe, expect, it } from 'vitest';
import { requestHash } from './request-hash';

describe('requestHash', () => {
  it('is the same for the same fields in any order, absent and null alike', () => {
    expect(requestHash({ a: 1, b: { c: 'x', d: [1, 2] }, e: null })).toBe(requestHash({ b: { d: [1, 2], c: 'x' }, a: 1, f: undefined }));
  });

  it('differs when any meaningful field differs', () => {
    const base = { fulfilment: 'delivery', email: 'eva@example.com', address: { city: 'Utrecht' } };
    const hashes = new Set([
      requestHash(base),
      requestHash({ ...base, fulfilment: 'pickup' }),
      requestHash({ ...base, email: 'mallory@example.com' }),
      requestHash({ ...base, address: { city: 'Amsterdam' } }),
      requestHash({ ...base, tenderedCents: 5000 }),
      requestHash({ ...base, tenderedCents: '5000' }),
    ]);
    expect(hashes.size).toBe(6);
  });
});
