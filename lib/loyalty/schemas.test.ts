import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { counterCheckoutSchema } from '@/lib/orders/counter-sale';
import { checkoutSchema } from '@/lib/orders/schemas';
import { adjustLoyaltySchema } from './schemas';

describe('loyalty fields in the forms', () => {
  const counter = { idempotencyKey: randomUUID(), expectedTotalCents: '5000' };
  it('the counter pay form takes points with cash or card, and points alone only with points', () => {
    expect(counterCheckoutSchema.parse({ ...counter, method: 'card_terminal', loyaltyPoints: '200' })).toMatchObject({ loyaltyPoints: 200 });
    expect(counterCheckoutSchema.parse({ ...counter, method: 'card_terminal', loyaltyPoints: '' }).loyaltyPoints).toBeUndefined();
    expect(counterCheckoutSchema.safeParse({ ...counter, method: 'loyalty_points' }).success).toBe(false);
    expect(counterCheckoutSchema.safeParse({ ...counter, method: 'card_terminal', loyaltyPoints: '-100' }).success).toBe(false);
    expect(counterCheckoutSchema.safeParse({ ...counter, method: 'card_terminal', loyaltyPoints: '1.5' }).success).toBe(false);
  });

  it('the web checkout passes points on only when some are asked for', () => {
    const base = { idempotencyKey: randomUUID(), fulfilment: 'pickup', email: 'eva@example.com', name: 'Eva', pickupLocationId: '2' };
    expect(checkoutSchema.parse({ ...base, loyaltyPoints: '300' })).toMatchObject({ loyaltyPoints: 300 });
    expect(checkoutSchema.parse({ ...base, loyaltyPoints: '0' })).not.toHaveProperty('loyaltyPoints');
    expect(checkoutSchema.safeParse({ ...base, loyaltyPoints: 'lots' }).success).toBe(false);
  });

  it('an adjustment needs non-zero whole points and a reason; nothing else is accepted', () => {
    const base = { customerId: '7', idempotencyKey: randomUUID() };
    expect(adjustLoyaltySchema.parse({ ...base, points: '-50', reason: ' Mistake ' })).toMatchObject({ customerId: 7, points: -50, reason: 'Mistake' });
    expect(adjustLoyaltySchema.safeParse({ ...base, points: '0', reason: 'x' }).success).toBe(false);
    expect(adjustLoyaltySchema.safeParse({ ...base, points: '10', reason: '' }).success).toBe(false);
    expect(adjustLoyaltySchema.safeParse({ ...base, points: '10', reason: 'x', kind: 'earn' }).success).toBe(false);
  });
});
