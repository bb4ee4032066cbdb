import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { invoices } from '@/db/schema';
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
    })
    .from(invoices)
    .where(eq(invoices.id, invoiceId));
  if (!row) return null;
  const order = await getOrderById(db, row.orderId);
  if (!order) return null;
  const { orderId: _orderId, ...invoice } = row;
  return { ...invoice, order };
}
