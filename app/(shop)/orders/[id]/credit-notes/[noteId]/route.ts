import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';
import { creditNoteFileName, renderInvoicePdf } from '@/lib/invoices/invoice-pdf';
import { guestOrderIds } from '@/lib/orders/guest-orders';
import { getCreditNoteForViewer } from '@/lib/returns/web-queries';

// GET /orders/<id>/credit-notes/<noteId>: a credit note of the order as a PDF (rendered by the invoice
// renderer), for whoever may see the order's invoice: its customer, the guest browser that placed it,
// staff of its store (the admin order detail links here too). Anyone else or another order's note: 404.

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; noteId: string }> }): Promise<Response> {
  const { id, noteId } = await params;
  const db = getDb();
  const noteNumber = /^[0-9]{1,10}$/.test(noteId) ? Number(noteId) : 0;
  const note = await getCreditNoteForViewer(db, id, noteNumber, { actor: await getActor(), guestOrderIds: await guestOrderIds() });
  if (!note) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const locale = await getLocale();
  const pdf = await renderInvoicePdf(db, note.id, locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${creditNoteFileName(note.number, locale)}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
