import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { verifyGuestOrderToken } from '@/lib/order-messages/guest-link';
import { rememberGuestOrder } from '@/lib/orders/guest-orders';

// GET /orders/<id>/open?access=<token>: the link in a guest's order messages. A valid, unexpired
// token adds the order to this browser's signed guest-orders cookie (only a route handler or an
// action may set cookies), then the order page opens without the token in its address. An invalid or
// expired token changes nothing: the order page then answers 404 as it would for anyone.

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<never> {
  const { id } = await params;
  if (!UUID_RE.test(id)) redirect('/');
  if (verifyGuestOrderToken(id, request.nextUrl.searchParams.get('access'))) await rememberGuestOrder(id.toLowerCase());
  redirect(`/orders/${id.toLowerCase()}`);
}
