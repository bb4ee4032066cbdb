import { describe, expect, it } from 'vitest';
import { preferredFirst } from './preferred-store';

describe('preferredFirst', () => {
  const stores = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('puts the preferred store first and keeps the others in order', () => {
    expect(preferredFirst(stores, 3, (s) => s.id).map((s) => s.id)).toEqual([3, 1, 2]);
  });
  it('changes nothing without a preference or for an unknown store', () => {
    expect(preferredFirst(stores, null, (s) => s.id)).toBe(stores);
    expect(preferredFirst(stores, 9, (s) => s.id).map((s) => s.id)).toEqual([1, 2, 3]);
  });
});
