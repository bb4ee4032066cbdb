import { describe, expect, it } from 'vitest';
import { counterExchangeSchema, counterReturnSchema, receiveCounterReturnSchema } from './counter-schemas';

const ids = { orderId: '0b6f0c2e-4c1e-4d3a-9a51-6a5c1d1f2e3a', idempotencyKey: '1b6f0c2e-4c1e-4d3a-9a51-6a5c1d1f2e3a' };
const rows = (n: number, over: Record<string, string[]> = {}) => ({
  orderLineId: Array.from({ length: n }, (_, i) => String(i + 1)),
  quantity: Array.from({ length: n }, () => '1'),
  reason: Array.from({ length: n }, () => 'too_small'),
  reasonNote: Array.from({ length: n }, () => ''),
  condition: Array.from({ length: n }, () => 'resellable'),
  ...over,
});
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${String(i.path[0])}:${i.message}`);

describe('counter return forms', () => {
  it('keeps the rows with a quantity, each with its reason, note and condition; a 0 skips a row', () => {
    const out = counterReturnSchema.parse({
      ...ids,
      to: 'store_credit',
      ...rows(3, { quantity: ['2', '0', '1'], reasonNote: ['', '', ' scuffed '], condition: ['resellable', 'resellable', 'damaged'] }),
    });
    expect(out.to).toBe('store_credit');
    expect(out.lines).toEqual([
      { orderLineId: 1, quantity: 2, reason: 'too_small', reasonNote: null, condition: 'resellable' },
      { orderLineId: 3, quantity: 1, reason: 'too_small', reasonNote: 'scuffed', condition: 'damaged' },
    ]);
  });

  it('one row sent as plain strings (not arrays) works too', () => {
    const out = counterReturnSchema.parse({ ...ids, to: 'cash', orderLineId: '7', quantity: '1', reason: 'damaged', reasonNote: '', condition: '' });
    expect(out.lines).toEqual([{ orderLineId: 7, quantity: 1, reason: 'damaged', reasonNote: null, condition: 'resellable' }]);
  });

  it('refuses bad input with localized messages: nothing chosen, no reason, odd quantities, a line twice, unknown fields and destinations', () => {
    expect(issues(counterReturnSchema.safeParse({ ...ids, to: 'cash', ...rows(1, { quantity: ['0'] }) }))).toEqual(['quantity:validation.returns.nothingChosen']);
    expect(issues(counterReturnSchema.safeParse({ ...ids, to: 'cash', ...rows(1, { reason: [''] }) }))).toEqual(['reason:validation.returns.reason']);
    for (const q of ['-1', '1.5', '1e3', '٣', '1001'])
      expect(issues(counterReturnSchema.safeParse({ ...ids, to: 'cash', ...rows(1, { quantity: [q] }) }))).toContain('quantity:validation.invalid');
    expect(issues(counterReturnSchema.safeParse({ ...ids, to: 'cash', ...rows(2, { orderLineId: ['5', '5'] }) }))).toContain('orderLineId:validation.invalid');
    expect(counterReturnSchema.safeParse({ ...ids, to: 'bitcoin', ...rows(1) }).success).toBe(false);
    expect(counterReturnSchema.safeParse({ ...ids, to: 'cash', price: '1', ...rows(1) }).success).toBe(false);
  });

  it('an exchange needs a replacement per returned row: a size/colour, or another item by SKU/EAN (which wins)', () => {
    const out = counterExchangeSchema.parse({ ...ids, ...rows(2, { quantity: ['1', '1'] }), replacementVariantId: ['42', ''], replacementCode: ['', ' 8710000000019 '] });
    expect(out.to).toBe('original');
    expect(out.replacements).toEqual([
      { variantId: 42, code: null, quantity: 1, replacesOrderLineId: 1 },
      { variantId: null, code: '8710000000019', quantity: 1, replacesOrderLineId: 2 },
    ]);
    expect(issues(counterExchangeSchema.safeParse({ ...ids, ...rows(1), replacementVariantId: [''], replacementCode: [''] }))).toEqual([
      'replacementVariantId:validation.returns.replacement',
    ]);
  });

  it('receiving an RMA takes a known condition per return line', () => {
    const base = { returnId: ids.orderId, idempotencyKey: ids.idempotencyKey, to: 'original' };
    expect(receiveCounterReturnSchema.parse({ ...base, returnLineId: ['3', '4'], condition: ['damaged', ''] }).conditions).toEqual([
      { returnLineId: 3, condition: 'damaged' },
      { returnLineId: 4, condition: 'resellable' },
    ]);
    expect(receiveCounterReturnSchema.safeParse({ ...base, returnLineId: ['3'], condition: ['broken'] }).success).toBe(false);
  });
});
