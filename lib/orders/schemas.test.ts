import { describe, expect, it } from 'vitest';
import { checkoutSchema, counterPaymentSchema, normalizePostcode, transitionOrderSchema } from './schemas';

const KEY = '5b0c5f1e-8f7a-4d0e-9a53-2a1d3f1b7c11';
const delivery = { idempotencyKey: KEY, fulfilment: 'delivery', email: ' Eva@Example.com ', name: 'Eva', street: 'Damrak 1', postcode: '1012lg', city: 'Amsterdam' };

function fieldMessages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('checkoutSchema', () => {
  it('stores a phone number in E.164 and refuses one that no operator issues', () => {
    const pickup = { idempotencyKey: KEY, fulfilment: 'pickup', email: 'e@example.com', name: 'Eva', pickupLocationId: '1' };
    expect(checkoutSchema.parse({ ...pickup, phone: '06 12345678' }).phone).toBe('+31612345678');
    expect(checkoutSchema.parse({ ...pickup, phone: '+32 470 12 34 56' }).phone).toBe('+32470123456');
    for (const phone of ['12345678', '06 1234', '+31 6 1234 5678 9999', 'call me']) {
      expect(fieldMessages(checkoutSchema.safeParse({ ...pickup, phone }))).toEqual({ phone: 'validation.phone' });
    }
  });

  it('builds the shipping address for a delivery', () => {
    expect(checkoutSchema.parse(delivery)).toEqual({
      idempotencyKey: KEY,
      fulfilment: 'delivery',
      email: 'eva@example.com',
      customerName: 'Eva',
      phone: null,
      shippingAddress: { name: 'Eva', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' },
      pickupLocationId: null,
      expectedTotalCents: undefined,
      // No method chosen: the provider's own page offers them; no store credit unless ticked.
      paymentMethod: null,
      useStoreCredit: false,
    });
  });

  it('needs an address for delivery and a store for pickup', () => {
    expect(fieldMessages(checkoutSchema.safeParse({ ...delivery, street: '', postcode: '0123 AB' }))).toEqual({
      street: 'validation.required',
      postcode: 'validation.postcode',
    });
    const pickup = { idempotencyKey: KEY, fulfilment: 'pickup', email: 'e@example.com', name: 'Eva' };
    expect(fieldMessages(checkoutSchema.safeParse(pickup))).toEqual({ pickupLocationId: 'validation.required' });
    expect(checkoutSchema.parse({ ...pickup, pickupLocationId: '2' })).toMatchObject({ pickupLocationId: 2, shippingAddress: null });
  });

  it('rejects prices, unknown keys and in-store fulfilment from a shopper', () => {
    expect(checkoutSchema.safeParse({ ...delivery, totalCents: '1' }).success).toBe(false);
    expect(checkoutSchema.safeParse({ ...delivery, fulfilment: 'in_store' }).success).toBe(false);
    expect(checkoutSchema.safeParse({ ...delivery, idempotencyKey: 'x' }).success).toBe(false);
  });

  it('normalizes Dutch postcodes', () => {
    expect(normalizePostcode('1012 lg')).toBe('1012 LG');
  });
});

describe('counterPaymentSchema', () => {
  it('reads the tendered euros for cash and ignores them for card', () => {
    const base = { orderId: KEY, idempotencyKey: KEY };
    expect(counterPaymentSchema.parse({ ...base, method: 'cash', tendered: '50,00' })).toMatchObject({ tenderedCents: 5000 });
    expect(counterPaymentSchema.parse({ ...base, method: 'card_terminal', tendered: '' })).toMatchObject({ tenderedCents: null });
    expect(fieldMessages(counterPaymentSchema.safeParse({ ...base, method: 'cash', tendered: '' }))).toEqual({ tendered: 'validation.required' });
    expect(fieldMessages(counterPaymentSchema.safeParse({ ...base, method: 'cash', tendered: 'lots' }))).toEqual({ tendered: 'validation.amount' });
    expect(counterPaymentSchema.safeParse({ ...base, method: 'test_provider' }).success).toBe(false);
  });
});

describe('transitionOrderSchema', () => {
  it('accepts a target status and never pending_payment or completed', () => {
    expect(transitionOrderSchema.parse({ orderId: KEY, to: 'collected' })).toEqual({ orderId: KEY, to: 'collected', note: undefined });
    expect(transitionOrderSchema.safeParse({ orderId: KEY, to: 'completed' }).success).toBe(false);
  });
});
