import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { invoices, orderLines, returnLines, returns, type VatLineSnapshot } from '@/db/schema';
import { getOrderById, type OrderDetailDto } from '@/lib/orders/queries';

/** Everything the invoice shows: the invoice row with its seller snapshot and the order's snapshot. */
export interface InvoiceDocument {
  id: number;
  number: string;
  issuedAt: Date;
  totalCents: number;
  vatCents: number;
  seller: Record<string, string>;
  order: OrderDetailDto;
  kind: 'invoice' | 'credit_note';
  /** Credit notes: what is credited (negative amounts) and what it corrects. */
  credit: CreditNoteDetail | null;
}

export interface CreditNoteDetail {
  correctsInvoiceNumber: string | null;
  returnNumber: string | null;
  lines: { productName: string; variantLabel: string; sku: string; quantity: number; amountCents: number; vatRateBp: number }[];
  /** Negative, 0 when shipping is not credited. */
  shippingCents: number;
  vatBreakdown: VatLineSnapshot[];
}

/** The invoice with its order, or null. For the PDF; who may see it is the caller's check. */
export async function loadInvoiceDocument(db: DbOrTx, invoiceId: number): Promise<InvoiceDocument | null> {
  const [row] = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      issuedAt: invoices.issuedAt,
      totalCents: invoices.totalCents,
      vatCents: invoices.vatCents,
      seller: invoices.seller,
      orderId: invoices.orderId,
      kind: invoices.kind,
      correctsInvoiceId: invoices.correctsInvoiceId,
      returnId: invoices.returnId,
      vatBreakdown: invoices.vatBreakdown,
    })
    .from(invoices)
    .where(eq(invoices.id, invoiceId));
  if (!row) return null;
  const order = await getOrderById(db, row.orderId);
  if (!order) return null;
  const { orderId: _orderId, correctsInvoiceId, returnId, vatBreakdown, ...invoice } = row;
  return { ...invoice, order, credit: row.kind === 'credit_note' ? await loadCredit(db, { correctsInvoiceId, returnId, vatBreakdown, totalCents: row.totalCents }, order) : null };
}

/** A credit note's lines: its return's lines, or (a cancelled order's full refund) every line and the shipping. */
async function loadCredit(
  db: DbOrTx,
  note: { correctsInvoiceId: number | null; returnId: string | null; vatBreakdown: VatLineSnapshot[] | null; totalCents: number },
  order: OrderDetailDto,
): Promise<CreditNoteDetail> {
  const [corrected] = note.correctsInvoiceId ? await db.select({ number: invoices.number }).from(invoices).where(eq(invoices.id, note.correctsInvoiceId)) : [];
  let returnNumber: string | null = null;
  let lines: CreditNoteDetail['lines'];
  if (note.returnId) {
    const [ret] = await db.select({ number: returns.number }).from(returns).where(eq(returns.id, note.returnId));
    returnNumber = ret?.number ?? null;
    lines = (
      await db
        .select({ productName: orderLines.productName, variantLabel: orderLines.variantLabel, sku: orderLines.sku, quantity: returnLines.quantity, refundCents: returnLines.refundCents, vatRateBp: returnLines.vatRateBp })
        .from(returnLines)
        .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
        .where(eq(returnLines.returnId, note.returnId))
        .orderBy(returnLines.id)
    ).map(({ refundCents, ...l }) => ({ ...l, amountCents: -refundCents }));
  } else {
    lines = order.lines.map((l) => ({ productName: l.productName, variantLabel: l.variantLabel, sku: l.sku, quantity: l.quantity, amountCents: -l.lineTotalCents, vatRateBp: l.vatRateBp }));
  }
  const shippingCents = note.totalCents - lines.reduce((s, l) => s + l.amountCents, 0);
  return { correctsInvoiceNumber: corrected?.number ?? null, returnNumber, lines, shippingCents, vatBreakdown: note.vatBreakdown ?? [] };
}
