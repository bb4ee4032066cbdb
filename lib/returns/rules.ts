// Pure after-sales rules (no DB): what a return refunds, how a refund is split over the order's
// payments, when shipping comes back and when the return window closes. Tested with fast-check in
// rules.test.ts; lib/returns/mutations.ts is their only caller that writes.

import type { OrderStatus, PaymentMethod } from '@/db/schema';

/** What was charged for one order line (the snapshot on order_lines, discounts already taken off). */
export interface PaidLine {
  quantity: number;
  /** What the customer paid for all units of the line (VAT included, promotion taken off). */
  lineTotalCents: number;
  /** The VAT in lineTotalCents, as on the invoice (rounded once per line). */
  vatCents: number;
}

/** What earlier (not cancelled) returns of this line already took back. */
export interface AlreadyReturned {
  units: number;
  refundCents: number;
  vatCents: number;
}

/** Cumulative share of `total` for the first `units` of `quantity` (floor, so the last unit takes the remainder). */
function cumulativeShare(total: number, units: number, quantity: number): number {
  return Math.floor((total * units) / quantity);
}

/**
 * The refund (and its VAT) for `units` more units of a line: the cumulative share of what was PAID
 * for the line up to all units returned so far, minus what earlier returns already got. Whatever the
 * order and sizes of partial returns, all units of a line together refund exactly lineTotalCents and
 * their VAT adds up exactly to the line's VAT on the invoice — never a cent more.
 */
export function refundForUnits(line: PaidLine, already: AlreadyReturned, units: number): { refundCents: number; vatCents: number } {
  if (!Number.isSafeInteger(units) || units < 1 || already.units + units > line.quantity) throw new RangeError('units out of range');
  const upTo = already.units + units;
  const refundCents = Math.max(0, cumulativeShare(line.lineTotalCents, upTo, line.quantity) - already.refundCents);
  const vatCents = Math.max(0, cumulativeShare(line.vatCents, upTo, line.quantity) - already.vatCents);
  return { refundCents, vatCents: Math.min(vatCents, refundCents) };
}

/** Display price of one unit: what was paid, rounded (the refund itself is refundForUnits). */
export function unitPaidCents(line: Pick<PaidLine, 'quantity' | 'lineTotalCents'>): number {
  return Math.round(line.lineTotalCents / line.quantity);
}

/**
 * Shipping goes back only with the last goods of the order (every unit of every line returned once
 * this return is counted) and only when the shop's setting says so; never twice.
 */
export function shippingRefundCents(input: {
  shippingCents: number;
  lines: { quantity: number; returnedAfter: number }[];
  refundShippingOnFullReturn: boolean;
  shippingAlreadyRefundedCents: number;
}): number {
  if (!input.refundShippingOnFullReturn || input.shippingCents <= 0) return 0;
  if (input.lines.length === 0 || !input.lines.every((l) => l.returnedAfter >= l.quantity)) return 0;
  return Math.max(0, input.shippingCents - input.shippingAlreadyRefundedCents);
}

export interface RefundablePayment {
  id: string;
  method: PaymentMethod;
  /** What the payment counts toward the order (cash: amount − rounding). */
  paidCents: number;
  refundedCents: number;
}

export interface RefundShare {
  paymentId: string;
  method: PaymentMethod;
  amountCents: number;
}

/**
 * Splits a refund over the order's succeeded payments pro rata to what each still has to give back
 * (largest remainder, ties to the earlier payment), so points go back as points, store credit as store
 * credit and the rest to the card/provider it came from. Null when the payments cannot cover it.
 */
export function splitRefund(amountCents: number, payments: RefundablePayment[]): RefundShare[] | null {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) return null;
  const open = payments.map((p) => ({ ...p, left: Math.max(0, p.paidCents - p.refundedCents) })).filter((p) => p.left > 0);
  const totalLeft = open.reduce((s, p) => s + p.left, 0);
  if (amountCents > totalLeft) return null;
  if (amountCents === 0) return [];
  const exact = open.map((p) => ({ p, floor: Math.floor((amountCents * p.left) / totalLeft), rem: (amountCents * p.left) % totalLeft }));
  let missing = amountCents - exact.reduce((s, e) => s + e.floor, 0);
  const order = exact.map((e, i) => ({ e, i })).sort((a, b) => b.e.rem - a.e.rem || a.i - b.i);
  for (const { e } of order) {
    if (missing === 0) break;
    if (e.floor < e.p.left) {
      e.floor += 1;
      missing -= 1;
    }
  }
  return exact.filter((e) => e.floor > 0).map((e) => ({ paymentId: e.p.id, method: e.p.method, amountCents: e.floor }));
}

/** Goods are handed over in these states; only then is there something to return. */
export const RETURNABLE_STATUSES: readonly OrderStatus[] = ['collected', 'delivered', 'completed'];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The return window: `windowDays` days from the moment the goods were handed over (delivered,
 * collected or sold at the counter). Null while the goods are not handed over yet.
 */
export function returnWindow(handedOverAt: Date | null, windowDays: number, now: Date): { endsAt: Date | null; open: boolean } {
  if (!handedOverAt) return { endsAt: null, open: false };
  const endsAt = new Date(handedOverAt.getTime() + windowDays * DAY_MS);
  return { endsAt, open: now.getTime() <= endsAt.getTime() };
}

/**
 * Loyalty points to take back for returned goods: the points earned on the order, pro rata to the
 * goods value returned (floor, so all returns of an order together never take back more than earned).
 */
export function pointsToReverse(input: { earnedPoints: number; goodsTotalCents: number; returnedCentsBefore: number; returnedCentsNow: number }): number {
  const { earnedPoints, goodsTotalCents } = input;
  if (earnedPoints <= 0 || goodsTotalCents <= 0) return 0;
  const after = Math.min(goodsTotalCents, input.returnedCentsBefore + input.returnedCentsNow);
  const before = Math.min(goodsTotalCents, input.returnedCentsBefore);
  return Math.floor((earnedPoints * after) / goodsTotalCents) - Math.floor((earnedPoints * before) / goodsTotalCents);
}

/** VAT per rate of credited lines (+ shipping at its rate), as negative amounts, highest rate first like the invoice. */
export function creditVatBreakdown(lines: { vatRateBp: number; refundCents: number; vatCents: number }[]): { rateBp: number; grossCents: number; vatCents: number }[] {
  const byRate = new Map<number, { rateBp: number; grossCents: number; vatCents: number }>();
  for (const l of lines) {
    const e = byRate.get(l.vatRateBp) ?? { rateBp: l.vatRateBp, grossCents: 0, vatCents: 0 };
    e.grossCents -= l.refundCents;
    e.vatCents -= l.vatCents;
    byRate.set(l.vatRateBp, e);
  }
  return [...byRate.values()].filter((e) => e.grossCents !== 0 || e.vatCents !== 0).sort((a, b) => b.rateBp - a.rateBp);
}
