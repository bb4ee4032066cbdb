import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';
import { getInvoiceForViewer } from '@/lib/invoices/access';
import { invoiceFileName, renderInvoicePdf } from '@/lib/invoices/invoice-pdf';
import { guestOrderIds } from '@/lib/orders/guest-orders';

// GET /orders/<id>/invoice: the order's invoice as a PDF, in the viewer's language, for whoever may see
// the order (its customer, the guest's browser, staff of its store). Anyone else: the same 404 as for
// an order without an invoice, so ids cannot be probed.

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const db = getDb();
  const invoice = await getInvoiceForViewer(db, id, { actor: await getActor(), guestOrderIds: await guestOrderIds() });
  if (!invoice) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const locale = await getLocale();
  const pdf = await renderInvoicePdf(db, invoice.id, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${invoiceFileName(invoice.number, locale)}"`,
      'Content-Length': String(pdf.length),
      // Personal data: never in a shared cache.
      'Cache-Control': 'private, no-store',
    },
  });
}
