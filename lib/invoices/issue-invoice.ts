import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { invoiceCounters, invoices, orders } from '@/db/schema';
import { TIME_ZONE } from '@/lib/i18n/config';
import { getSetting } from '@/lib/settings/settings';

/** Invoices ('F', factuur); credit notes draw from 'C' (credit-note.ts). */
export const INVOICE_SERIES = 'F';

export interface IssuedInvoice {
  id: number;
  number: string;
  orderId: string;
  issuedAt: Date;
  totalCents: number;
  vatCents: number;
}

const columns = {
  id: invoices.id,
  number: invoices.number,
  orderId: invoices.orderId,
  issuedAt: invoices.issuedAt,
  totalCents: invoices.totalCents,
  vatCents: invoices.vatCents,
};

/** "F-2026-000042": series, the year of issue (shop time) and the gapless counter, zero-padded so it sorts. */
export function formatInvoiceNumber(series: string, year: number, n: number): string {
  return `${series}-${year}-${String(n).padStart(6, '0')}`;
}

/** The calendar year of an instant on the shop's clock (an invoice issued at 00:30 on 1 January belongs to the new year). */
export function shopYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric' }).format(at));
}

/** The order's invoice (not a credit note), or null. */
export async function findInvoiceForOrder(db: DbOrTx, orderId: string): Promise<IssuedInvoice | null> {
  const [row] = await db
    .select(columns)
    .from(invoices)
    .where(and(eq(invoices.orderId, orderId), eq(invoices.kind, 'invoice')));
  return row ?? null;
}

/**
 * Draws the next number of `series` in `year`, in the caller's transaction. The upsert takes the
 * counter row's lock until that transaction ends, so concurrent issuers wait for each other, and a
 * rolled-back issue rolls its number back too: no gaps, no duplicates (Dutch invoices must be numbered
 * in one unbroken sequence).
 */
export async function nextNumber(tx: DbOrTx, series: string, year: number): Promise<number> {
  const [row] = rowsOf<{ last: number }>(
    await tx.execute(sql`
      insert into ${invoiceCounters} (series, year, last) values (${series}, ${year}, 1)
      on conflict (series, year) do update set last = ${invoiceCounters}.last + 1
      returning last`),
  );
  return Number(row.last);
}

/**
 * Issues the order's invoice in the caller's transaction — or returns the one it already has
 * (idempotent per order: the order row is locked first, so two issuers for one order take turns and
 * the second finds the first's invoice). Amounts come from the order's snapshot; the seller's details
 * are copied from the 'seller' setting as they are now. The caller decides when an order is invoiced
 * (collected, shipped, a completed counter sale) and has authorized the step that causes it.
 *
 * Throws Error('order not found') for an unknown order id.
 */
export async function issueInvoice(tx: DbOrTx, orderId: string, now: Date = new Date()): Promise<IssuedInvoice> {
  const [order] = await tx
    .select({ id: orders.id, totalCents: orders.totalCents, vatCents: orders.vatCents })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  if (!order) throw new Error(`order not found: ${orderId}`);
  const existing = await findInvoiceForOrder(tx, orderId);
  if (existing) return existing;

  const seller = await getSetting(tx, 'seller');
  const year = shopYear(now);
  const number = formatInvoiceNumber(INVOICE_SERIES, year, await nextNumber(tx, INVOICE_SERIES, year));
  const [row] = await tx
    .insert(invoices)
    .values({
      number,
      kind: 'invoice',
      orderId,
      issuedAt: now,
      totalCents: order.totalCents,
      vatCents: order.vatCents,
      seller: Object.fromEntries(Object.entries(seller).filter(([, v]) => v !== undefined)) as Record<string, string>,
    })
    .returning(columns);
  return row;
}
