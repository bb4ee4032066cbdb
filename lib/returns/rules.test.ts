import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatIncluded } from '@/lib/pricing';
import { creditVatBreakdown, pointsToReverse, refundForUnits, returnWindow, shippingRefundCents, splitRefund } from './rules';

/** A line as priceCart makes it: unit price × quantity less a promotion, VAT rounded once for the line. */
const lineArb = fc
  .record({
    quantity: fc.integer({ min: 1, max: 12 }),
    unit: fc.integer({ min: 1, max: 50_000 }),
    discountPct: fc.integer({ min: 0, max: 100 }),
    rateBp: fc.constantFrom(0, 900, 2100),
  })
  .map(({ quantity, unit, discountPct, rateBp }) => {
    const gross = unit * quantity;
    const lineTotalCents = gross - Math.floor((gross * discountPct) / 100);
    return { quantity, lineTotalCents, vatRateBp: rateBp, vatCents: vatIncluded(lineTotalCents, rateBp) };
  });

/** Random partial returns of all units of a line, in random sizes. */
function partition(quantity: number, cuts: number[]): number[] {
  const points = [...new Set(cuts.map((c) => (c % quantity) + 1).filter((c) => c < quantity))].sort((a, b) => a - b);
  const parts: number[] = [];
  let prev = 0;
  for (const p of [...points, quantity]) {
    parts.push(p - prev);
    prev = p;
  }
  return parts;
}

function returnAll(line: { quantity: number; lineTotalCents: number; vatCents: number }, parts: number[]) {
  const already = { units: 0, refundCents: 0, vatCents: 0 };
  const refunds: { refundCents: number; vatCents: number; units: number }[] = [];
  for (const units of parts) {
    const r = refundForUnits(line, already, units);
    refunds.push({ ...r, units });
    already.units += units;
    already.refundCents += r.refundCents;
    already.vatCents += r.vatCents;
  }
  return refunds;
}

describe('refundForUnits (what was paid, never more)', () => {
  it('all partial returns of a line, in any sizes, sum exactly to its total and its VAT; each is never negative', () => {
    fc.assert(
      fc.property(lineArb, fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 6 }), (line, cuts) => {
        const refunds = returnAll(line, partition(line.quantity, cuts));
        expect(refunds.reduce((s, r) => s + r.refundCents, 0)).toBe(line.lineTotalCents);
        expect(refunds.reduce((s, r) => s + r.vatCents, 0)).toBe(line.vatCents);
        for (const r of refunds) {
          expect(r.refundCents).toBeGreaterThanOrEqual(0);
          expect(r.vatCents).toBeGreaterThanOrEqual(0);
          expect(r.vatCents).toBeLessThanOrEqual(r.refundCents);
        }
      }),
    );
  });

  it('a partial return never refunds more than its share of what was paid, rounded up by less than a cent per unit', () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 1, max: 12 }), (line, k) => {
        const units = Math.min(k, line.quantity);
        const { refundCents } = refundForUnits(line, { units: 0, refundCents: 0, vatCents: 0 }, units);
        expect(refundCents * line.quantity).toBeLessThanOrEqual(line.lineTotalCents * units);
        expect(refundCents).toBeLessThanOrEqual(line.lineTotalCents);
      }),
    );
  });

  it('refuses more units than are left', () => {
    expect(() => refundForUnits({ quantity: 2, lineTotalCents: 9000, vatCents: 1562 }, { units: 2, refundCents: 9000, vatCents: 1562 }, 1)).toThrow(RangeError);
    expect(() => refundForUnits({ quantity: 2, lineTotalCents: 9000, vatCents: 1562 }, { units: 0, refundCents: 0, vatCents: 0 }, 0)).toThrow(RangeError);
  });

  it('the 10% promotion stays honoured: one of two € 50 shoes with 10% off refunds € 45', () => {
    expect(refundForUnits({ quantity: 2, lineTotalCents: 9000, vatCents: vatIncluded(9000, 2100) }, { units: 0, refundCents: 0, vatCents: 0 }, 1).refundCents).toBe(4500);
  });
});

describe('credit-note VAT mirrors the invoice', () => {
  it('an order returned in full over several returns: the credit notes per rate add up to the invoice negated (mixed rates)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(lineArb, fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 4 })), { minLength: 1, maxLength: 5 }), (lines) => {
        const invoice = new Map<number, { gross: number; vat: number }>();
        const credited = new Map<number, { gross: number; vat: number }>();
        for (const [line, cuts] of lines) {
          const e = invoice.get(line.vatRateBp) ?? { gross: 0, vat: 0 };
          invoice.set(line.vatRateBp, { gross: e.gross + line.lineTotalCents, vat: e.vat + line.vatCents });
          for (const r of returnAll(line, partition(line.quantity, cuts))) {
            for (const v of creditVatBreakdown([{ vatRateBp: line.vatRateBp, refundCents: r.refundCents, vatCents: r.vatCents }])) {
              const c = credited.get(v.rateBp) ?? { gross: 0, vat: 0 };
              credited.set(v.rateBp, { gross: c.gross + v.grossCents, vat: c.vat + v.vatCents });
            }
          }
        }
        for (const [rate, inv] of invoice) {
          const c = credited.get(rate) ?? { gross: 0, vat: 0 };
          expect(c.gross + inv.gross).toBe(0);
          expect(c.vat + inv.vat).toBe(0);
        }
      }),
    );
  });

  it('sorts rates like the invoice (highest first) and keeps amounts negative', () => {
    expect(creditVatBreakdown([{ vatRateBp: 900, refundCents: 1090, vatCents: 90 }, { vatRateBp: 2100, refundCents: 1210, vatCents: 210 }])).toEqual([
      { rateBp: 2100, grossCents: -1210, vatCents: -210 },
      { rateBp: 900, grossCents: -1090, vatCents: -90 },
    ]);
  });
});

describe('splitRefund (over the original payments)', () => {
  const paymentsArb = fc.array(
    fc.record({ method: fc.constantFrom('card_terminal' as const, 'loyalty_points' as const, 'test_provider' as const, 'cash' as const), paidCents: fc.integer({ min: 0, max: 100_000 }), refundedPct: fc.integer({ min: 0, max: 100 }) }),
    { minLength: 1, maxLength: 4 },
  );

  it('sums exactly to the amount, never takes more from a payment than it has left, or returns null', () => {
    fc.assert(
      fc.property(paymentsArb, fc.integer({ min: 0, max: 500_000 }), (ps, amount) => {
        const payments = ps.map((p, i) => ({ id: `p${i}`, method: p.method, paidCents: p.paidCents, refundedCents: Math.floor((p.paidCents * p.refundedPct) / 100) }));
        const left = payments.reduce((s, p) => s + p.paidCents - p.refundedCents, 0);
        const split = splitRefund(amount, payments);
        if (amount > left) {
          expect(split).toBeNull();
          return;
        }
        expect(split).not.toBeNull();
        expect(split!.reduce((s, x) => s + x.amountCents, 0)).toBe(amount);
        for (const share of split!) {
          const p = payments.find((x) => x.id === share.paymentId)!;
          expect(share.amountCents).toBeGreaterThan(0);
          expect(share.amountCents).toBeLessThanOrEqual(p.paidCents - p.refundedCents);
          expect(share.method).toBe(p.method);
        }
      }),
    );
  });

  it('pro rata: € 20 points + € 80 card, € 50 back → € 10 as points, € 40 to the card', () => {
    expect(splitRefund(5000, [{ id: 'a', method: 'loyalty_points', paidCents: 2000, refundedCents: 0 }, { id: 'b', method: 'card_terminal', paidCents: 8000, refundedCents: 0 }])).toEqual([
      { paymentId: 'a', method: 'loyalty_points', amountCents: 1000 },
      { paymentId: 'b', method: 'card_terminal', amountCents: 4000 },
    ]);
  });

  it('repeated partial refunds of an order never exceed what was paid in total', () => {
    fc.assert(
      fc.property(paymentsArb, fc.array(fc.integer({ min: 1, max: 50_000 }), { maxLength: 8 }), (ps, amounts) => {
        const payments = ps.map((p, i) => ({ id: `p${i}`, method: p.method, paidCents: p.paidCents, refundedCents: 0 }));
        const paid = payments.reduce((s, p) => s + p.paidCents, 0);
        let refunded = 0;
        for (const amount of amounts) {
          const split = splitRefund(amount, payments);
          if (!split) continue;
          for (const s of split) payments.find((p) => p.id === s.paymentId)!.refundedCents += s.amountCents;
          refunded += amount;
        }
        expect(refunded).toBeLessThanOrEqual(paid);
        for (const p of payments) expect(p.refundedCents).toBeLessThanOrEqual(p.paidCents);
      }),
    );
  });
});

describe('shipping, window and points', () => {
  it('shipping comes back only with the last goods, once, and only when the setting says so', () => {
    const lines = [{ quantity: 2, returnedAfter: 2 }, { quantity: 1, returnedAfter: 1 }];
    expect(shippingRefundCents({ shippingCents: 495, lines, refundShippingOnFullReturn: true, shippingAlreadyRefundedCents: 0 })).toBe(495);
    expect(shippingRefundCents({ shippingCents: 495, lines, refundShippingOnFullReturn: false, shippingAlreadyRefundedCents: 0 })).toBe(0);
    expect(shippingRefundCents({ shippingCents: 495, lines, refundShippingOnFullReturn: true, shippingAlreadyRefundedCents: 495 })).toBe(0);
    expect(shippingRefundCents({ shippingCents: 495, lines: [{ quantity: 2, returnedAfter: 1 }], refundShippingOnFullReturn: true, shippingAlreadyRefundedCents: 0 })).toBe(0);
  });

  it('the window runs windowDays from the hand-over; none before it', () => {
    const at = new Date('2026-05-01T12:00:00Z');
    expect(returnWindow(at, 30, new Date('2026-05-31T12:00:00Z'))).toEqual({ endsAt: new Date('2026-05-31T12:00:00Z'), open: true });
    expect(returnWindow(at, 30, new Date('2026-05-31T12:00:01Z')).open).toBe(false);
    expect(returnWindow(null, 30, at)).toEqual({ endsAt: null, open: false });
  });

  it('points reversed pro rata never add up to more than were earned', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 6 }), (earned, goods, parts) => {
        let before = 0;
        let taken = 0;
        for (const p of parts) {
          const now = Math.min(p, goods - before);
          taken += pointsToReverse({ earnedPoints: earned, goodsTotalCents: goods, returnedCentsBefore: before, returnedCentsNow: now });
          before += now;
        }
        expect(taken).toBeLessThanOrEqual(earned);
        if (before === goods) expect(taken).toBe(earned);
      }),
    );
  });
});
