import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assignmentBucket, assignVariant, BUCKETS, experimentSubject } from './experiments';

describe('experiment assignment', () => {
  it('names the subject by customer, then visitor, then cart', () => {
    const cartId = randomUUID();
    expect(experimentSubject({ customerId: 7, visitorId: 'v', cartId })).toBe('customer:7');
    expect(experimentSubject({ customerId: null, visitorId: 'v-1', cartId })).toBe('visitor:v-1');
    expect(experimentSubject({ cartId })).toBe(`cart:${cartId}`);
  });

  it('gives the same subject the same variant every time, and depends on the experiment', () => {
    const variants = [
      { id: 1, weightPercent: 50 },
      { id: 2, weightPercent: 50 },
    ];
    for (let i = 0; i < 200; i++) {
      const subject = `customer:${i}`;
      const first = assignVariant(3, subject, variants);
      expect(assignVariant(3, subject, variants)).toBe(first);
      expect(assignVariant(3, subject, [...variants])?.id).toBe(first?.id);
    }
    const buckets = new Set(Array.from({ length: 50 }, (_, e) => assignmentBucket(e + 1, 'customer:1')));
    expect(buckets.size).toBeGreaterThan(40); // another experiment reshuffles the people
    expect(assignmentBucket(1, 'customer:1')).toBeGreaterThanOrEqual(0);
    expect(assignmentBucket(1, 'customer:1')).toBeLessThan(BUCKETS);
  });

  it.each([
    [[50, 50]],
    [[10, 90]],
    [[34, 33, 33]],
    [[25, 25, 25, 25]],
  ])('splits 10,000 simulated people within ±2 points of the weights %j', (weights) => {
    const variants = weights.map((w, i) => ({ id: i + 1, weightPercent: w }));
    const counts = new Map<number, number>();
    const N = 10_000;
    for (let i = 0; i < N; i++) {
      const subject = i % 2 === 0 ? `customer:${i}` : `visitor:${randomUUID()}`;
      const v = assignVariant(42, subject, variants);
      expect(v).not.toBeNull();
      counts.set(v!.id, (counts.get(v!.id) ?? 0) + 1);
    }
    for (const v of variants) expect(Math.abs(((counts.get(v.id) ?? 0) / N) * 100 - v.weightPercent)).toBeLessThanOrEqual(2);
  });

  it('never assigns a variant with weight 0', () => {
    const variants = [
      { id: 1, weightPercent: 0 },
      { id: 2, weightPercent: 100 },
    ];
    for (let i = 0; i < 1000; i++) expect(assignVariant(5, `cart:${i}`, variants)?.id).toBe(2);
  });
});
