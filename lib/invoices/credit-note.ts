import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { invoices, orderLines, orders, type VatLineSnapshot } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { getSetting } from '@/lib/settings/settings';
import { formatInvoiceNumber, issueInvoice, nextNumber, shopYear } from './issue-invoice';

/** Credit notes ('C', creditnota): their own gapless series beside the invoices' 'F'. */
export const CREDIT_NOTE_SERIES = 'C';

export interface CreditNoteLineInput {
  /** Positive: what is credited for these units (VAT included). */
  refundCents: number;
  vatRateBp: number;
  vatCents: number;
}

export interface IssueCreditNoteInput {
  orderId: string;
  /** The return refunded; null for the full refund of a cancelled paid order (all lines + shipping). */
  returnId: string | null;
  /** Omitted with returnId null: every line of the order as invoiced. */
  lines?: CreditNoteLineInput[];
  /** Positive shipping credited (at the rate it was invoiced at). */
  shippingCents: number;
  now?: Date;
}

export interface IssuedCreditNote {
  id: number;
  number: string;
  orderId: string;
  returnId: string | null;
  correctsInvoiceId: number;
  correctsInvoiceNumber: string;
  issuedAt: Date;
  /** Negative. */
  totalCents: number;
  /** Negative. */
  vatCents: number;
  vatBreakdown: VatLineSnapshot[];
}

/**
 * The VAT of the order's shipping as invoiced: the order's VAT breakdown holds the lines and the
 * shipping together, so shipping's part is what a rate holds beyond its lines.
 */
export function invoicedShippingVat(
  order: { shippingCents: number; vatBreakdown: VatLineSnapshot[] },
  lines: { vatRateBp: number; lineTotalCents: number; vatCents: number }[],
): { rateBp: number; vatCents: number } | null {
  if (order.shippingCents <= 0) return null;
  for (const v of order.vatBreakdown) {
    const atRate = lines.filter((l) => l.vatRateBp === v.rateBp);
    const gross = v.grossCents - atRate.reduce((s, l) => s + l.lineTotalCents, 0);
    if (gross === order.shippingCents) return { rateBp: v.rateBp, vatCents: v.vatCents - atRate.reduce((s, l) => s + l.vatCents, 0) };
  }
  return { rateBp: order.vatBreakdown[0]?.rateBp ?? 0, vatCents: 0 };
}

/** Credited amounts per rate, negative, highest rate first (the invoice's order). */
function breakdown(lines: CreditNoteLineInput[]): VatLineSnapshot[] {
  const byRate = new Map<number, VatLineSnapshot>();
  for (const l of lines) {
    const e = byRate.get(l.vatRateBp) ?? { rateBp: l.vatRateBp, grossCents: 0, vatCents: 0 };
    e.grossCents -= l.refundCents;
    e.vatCents -= l.vatCents;
    byRate.set(l.vatRateBp, e);
  }
  return [...byRate.values()].filter((v) => v.grossCents !== 0 || v.vatCents !== 0).sort((a, b) => b.rateBp - a.rateBp);
}

const columns = {
  id: invoices.id,
  number: invoices.number,
  orderId: invoices.orderId,
  returnId: invoices.returnId,
  correctsInvoiceId: invoices.correctsInvoiceId,
  issuedAt: invoices.issuedAt,
  totalCents: invoices.totalCents,
  vatCents: invoices.vatCents,
  vatBreakdown: invoices.vatBreakdown,
};

/**
 * Issues a credit note in the caller's transaction — or returns the one already issued (one per
 * return; one per order for a cancelled order's full refund). Its own gapless series 'C', negative
 * amounts, the VAT per rate of what is credited (for a whole order: the invoice's breakdown negated;
 * shipping at the rate it was invoiced at), correcting the order's invoice — issued first when the
 * order has none yet (a paid web order cancelled before it shipped).
 */
export async function issueCreditNote(tx: DbOrTx, input: IssueCreditNoteInput): Promise<IssuedCreditNote> {
  const now = input.now ?? new Date();
  const invoice = await issueInvoice(tx, input.orderId, now); // locks the order row: issuers take turns
  const existingWhere = input.returnId
    ? and(eq(invoices.kind, 'credit_note'), eq(invoices.returnId, input.returnId))
    : and(eq(invoices.kind, 'credit_note'), eq(invoices.orderId, input.orderId), isNull(invoices.returnId));
  const [existing] = await tx.select(columns).from(invoices).where(existingWhere);
  if (existing) return { ...existing, correctsInvoiceId: existing.correctsInvoiceId ?? invoice.id, correctsInvoiceNumber: invoice.number, vatBreakdown: existing.vatBreakdown ?? [] };

  const [order] = await tx
    .select({ shippingCents: orders.shippingCents, vatBreakdown: orders.vatBreakdown })
    .from(orders)
    .where(eq(orders.id, input.orderId));
  const all = await tx
    .select({ vatRateBp: orderLines.vatRateBp, lineTotalCents: orderLines.lineTotalCents, vatCents: orderLines.vatCents })
    .from(orderLines)
    .where(eq(orderLines.orderId, input.orderId));
  let credited: CreditNoteLineInput[];
  if (input.lines) credited = [...input.lines];
  else if (input.returnId === null) credited = all.map((l) => ({ refundCents: l.lineTotalCents, vatRateBp: l.vatRateBp, vatCents: l.vatCents }));
  else throw new DomainError('invalidState');
  if (input.shippingCents > 0) {
    const ship = invoicedShippingVat(order, all);
    if (!ship || input.shippingCents > order.shippingCents) throw new DomainError('invalidState');
    // The whole shipping takes its invoiced VAT; a part of it (never in practice) its share.
    const vat = input.shippingCents === order.shippingCents ? ship.vatCents : Math.floor((ship.vatCents * input.shippingCents) / order.shippingCents);
    credited.push({ refundCents: input.shippingCents, vatRateBp: ship.rateBp, vatCents: vat });
  }
  const vatBreakdown = breakdown(credited);
  const totalCents = vatBreakdown.reduce((s, v) => s + v.grossCents, 0);
  const vatCents = vatBreakdown.reduce((s, v) => s + v.vatCents, 0);
  if (totalCents >= 0) throw new DomainError('invalidState');

  const seller = await getSetting(tx, 'seller');
  const year = shopYear(now);
  const number = formatInvoiceNumber(CREDIT_NOTE_SERIES, year, await nextNumber(tx, CREDIT_NOTE_SERIES, year));
  const [row] = await tx
    .insert(invoices)
    .values({
      number,
      kind: 'credit_note',
      orderId: input.orderId,
      correctsInvoiceId: invoice.id,
      returnId: input.returnId,
      vatBreakdown,
      issuedAt: now,
      totalCents,
      vatCents,
      seller: Object.fromEntries(Object.entries(seller).filter(([, v]) => v !== undefined)) as Record<string, string>,
    })
    .returning(columns);
  return { ...row, correctsInvoiceId: invoice.id, correctsInvoiceNumber: invoice.number, vatBreakdown };
}

/** The order's credit notes, oldest first. */
export async function listCreditNotesForOrder(db: DbOrTx, orderId: string): Promise<{ id: number; number: string; returnId: string | null; issuedAt: Date; totalCents: number; vatCents: number }[]> {
  return db
    .select({ id: invoices.id, number: invoices.number, returnId: invoices.returnId, issuedAt: invoices.issuedAt, totalCents: invoices.totalCents, vatCents: invoices.vatCents })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.kind, 'credit_note')))
    .orderBy(invoices.id);
}
