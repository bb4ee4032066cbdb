import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { invoices, locations, refunds, returns } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { getInvoiceForViewer } from '@/lib/invoices/access';
import { staffMayHandle } from '@/lib/orders/shared';
import { getReturnView, listReturnsForOrder, type RefundDto, type ReturnViewDto } from './queries';

// What the shop's order page, the label page and the admin order detail read about after-sales: reads
// only, on top of lib/returns/queries (the domain's). Who may see the order is checked by the caller
// (getOrderForViewer / staff pages); the functions that take a viewer check it themselves.

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreditNoteSummary {
  id: number;
  number: string;
  returnId: string | null;
  issuedAt: Date;
  /** Negative, as on the document. */
  totalCents: number;
}

export interface OrderRefundDto extends RefundDto {
  returnId: string | null;
}

export interface OrderAfterSales {
  returns: ReturnViewDto[];
  /** Every refund of the order: those of its returns and a cancelled order's full refund. */
  refunds: OrderRefundDto[];
  creditNotes: CreditNoteSummary[];
}

/** The order's returns (newest first, with lines and refunds), refunds and credit notes. */
export async function getOrderAfterSales(db: DbOrTx, orderId: string): Promise<OrderAfterSales> {
  const [summaries, refundRows, creditNotes] = await Promise.all([
    listReturnsForOrder(db, orderId),
    db
      .select({
        id: refunds.id,
        method: refunds.method,
        status: refunds.status,
        amountCents: refunds.amountCents,
        paymentId: refunds.paymentId,
        tillSessionId: refunds.tillSessionId,
        failureReason: refunds.failureReason,
        createdAt: refunds.createdAt,
        returnId: refunds.returnId,
      })
      .from(refunds)
      .where(eq(refunds.orderId, orderId))
      .orderBy(asc(refunds.createdAt)),
    listCreditNotesForOrder(db, orderId),
  ]);
  const views = await Promise.all(summaries.map((s) => getReturnView(db, s.id)));
  const returns = views.filter((v): v is ReturnViewDto => v !== null).sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime());
  return { returns, refunds: refundRows, creditNotes };
}

export async function listCreditNotesForOrder(db: DbOrTx, orderId: string): Promise<CreditNoteSummary[]> {
  return db
    .select({ id: invoices.id, number: invoices.number, returnId: invoices.returnId, issuedAt: invoices.issuedAt, totalCents: invoices.totalCents })
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.kind, 'credit_note')))
    .orderBy(desc(invoices.issuedAt));
}

/**
 * A credit note of `orderId` if this viewer may see the order (its customer, the guest browser that
 * placed it, staff of its store — the invoice's rule: a credit note always corrects an issued invoice —
 * and staff of the store that took the return back: any counter may take back any order), else null, so
 * the download route answers one 404 for "not yours" and "no such note".
 */
export async function getCreditNoteForViewer(
  db: DbOrTx,
  orderId: string,
  creditNoteId: number,
  viewer: { actor: Actor | null; guestOrderIds: string[] },
): Promise<{ id: number; number: string } | null> {
  if (!UUID_RE.test(orderId) || !Number.isSafeInteger(creditNoteId) || creditNoteId <= 0) return null;
  const [note] = await db
    .select({ id: invoices.id, number: invoices.number, returnLocationId: returns.locationId })
    .from(invoices)
    .leftJoin(returns, eq(returns.id, invoices.returnId))
    .where(and(eq(invoices.id, creditNoteId), eq(invoices.orderId, orderId), eq(invoices.kind, 'credit_note')));
  if (!note) return null;
  const { actor } = viewer;
  const tookItBack = actor?.role === 'clerk' && note.returnLocationId !== null && staffMayHandle(actor, note.returnLocationId);
  if (!tookItBack && !(await getInvoiceForViewer(db, orderId, viewer))) return null;
  return { id: note.id, number: note.number };
}

/** A return of this order (for the label page: the order's access has been checked), else null. */
export async function getReturnOfOrder(db: DbOrTx, orderId: string, returnId: string): Promise<ReturnViewDto | null> {
  if (!UUID_RE.test(returnId)) return null;
  const view = await getReturnView(db, returnId);
  return view && view.orderId === orderId ? view : null;
}

export interface WarehouseAddress {
  id: number;
  name: string;
  street: string;
  postcode: string;
  city: string;
}

/** Where posted returns go: the warehouse (the first one, should there ever be several). */
export async function getReturnsWarehouse(db: DbOrTx): Promise<WarehouseAddress | null> {
  const [row] = await db
    .select({ id: locations.id, name: locations.name, street: locations.street, postcode: locations.postcode, city: locations.city })
    .from(locations)
    .where(eq(locations.kind, 'warehouse'))
    .orderBy(asc(locations.id))
    .limit(1);
  return row ?? null;
}
