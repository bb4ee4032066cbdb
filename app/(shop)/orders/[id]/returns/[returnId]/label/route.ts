import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';
import { getOrderForViewer, guestOrderIds } from '@/lib/orders/guest-orders';
import { renderReturnLabelPdf, returnLabelFileName } from '@/lib/returns/label-pdf';
import { getReturnOfOrder, getReturnsWarehouse } from '@/lib/returns/web-queries';
import { getSetting } from '@/lib/settings/settings';

// GET /orders/<id>/returns/<returnId>/label: the return label of a posted return as a PDF, for whoever
// may see the order (its customer, the browser that placed it as a guest). Anyone else, another
// order's return or a return not sent by post: the same 404, so ids cannot be probed.

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; returnId: string }> }): Promise<Response> {
  const { id, returnId } = await params;
  const db = getDb();
  const order = await getOrderForViewer(db, id, { actor: await getActor(), guestOrderIds: await guestOrderIds() });
  if (!order) return notFound();
  const [view, warehouse, shop] = await Promise.all([getReturnOfOrder(db, order.id, returnId), getReturnsWarehouse(db), getSetting(db, 'shop')]);
  if (!view || view.method !== 'post' || view.status === 'cancelled' || !warehouse) return notFound();
  const locale = await getLocale();
  const address = order.shippingAddress;
  const pdf = await renderReturnLabelPdf(
    {
      rmaNumber: view.number,
      orderNumber: order.number,
      requestedAt: view.requestedAt,
      shopName: shop.name,
      warehouse,
      sender: address ? [address.name, address.street, `${address.postcode} ${address.city}`] : null,
      lines: view.lines.map((l) => ({ quantity: l.quantity, productName: l.productName, variantLabel: l.variantLabel, sku: l.sku })),
    },
    locale,
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${returnLabelFileName(view.number, locale)}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
