import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, notifications, orderEvents, orders, payments, stockLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { renderNotification } from '@/lib/notifications/templates';
import { listPaymentAnomalies } from '@/lib/payments/anomaly-queries';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { counterSale, payOnline, webOrder } from '@/lib/testing/orders';
import { getAdminOrderDetail, getCounterOrderDetail } from './detail-queries';
import { cancelOrderByAdmin, markOrderDelivered, recordOrderLookup, resendOrderMessage, shipOrder } from './mutations';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerk: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 5 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
});

const GUEST = { email: 'greta@example.com', phone: '+31612345678', name: 'Greta Gast' };
const ship = (orderId: string, actor = admin) => shipOrder(db, { orderId, carrier: 'PostNL', trackingNumber: '3SABCD1234567' }, actor);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

async function orderRow(orderId: string) {
  const [row] = await db.select({ status: orders.status, carrier: orders.carrier, trackingNumber: orders.trackingNumber }).from(orders).where(eq(orders.id, orderId));
  return row;
}

async function audits(orderId: string) {
  return db
    .select({ action: auditLog.action, actorUserId: auditLog.actorUserId, actorRole: auditLog.actorRole, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'order'), eq(auditLog.entityId, orderId)))
    .orderBy(asc(auditLog.id));
}

async function warehouse() {
  const [row] = await db.select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved }).from(stockLevels).where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, shop.warehouse.id)));
  return row;
}

async function paidDelivery() {
  const order = await webOrder(db, shop, { fulfilment: 'delivery', guest: GUEST });
  await payOnline(db, order);
  return order;
}

describe('shipOrder', () => {
  it('ships a paid delivery with carrier and tracking number: stock leaves, the customer is told, the audit log says who', async () => {
    const order = await paidDelivery();
    expect(await warehouse()).toEqual({ onHand: 10, reserved: 1 });
    await ship(order.orderId);

    expect(await orderRow(order.orderId)).toEqual({ status: 'shipped', carrier: 'PostNL', trackingNumber: '3SABCD1234567' });
    expect(await warehouse()).toEqual({ onHand: 9, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
    expect(await audits(order.orderId)).toEqual([
      { action: 'order.shipped', actorUserId: admin.userId, actorRole: 'admin', before: { status: 'paid' }, after: { status: 'shipped', carrier: 'PostNL', trackingNumber: '3SABCD1234567' } },
    ]);

    const [email] = await db.select().from(notifications).where(and(eq(notifications.orderId, order.orderId), eq(notifications.templateKey, 'shipped'), eq(notifications.channel, 'email')));
    expect(email.payload).toMatchObject({ carrier: 'PostNL', trackingNumber: '3SABCD1234567', trackingUrl: 'https://jouw.postnl.nl/track-and-trace/3SABCD1234567/NL/1012LG' });
    const rendered = await renderNotification('shipped', 'en', email.payload, { db });
    expect(rendered.text).toContain('Carrier: PostNL');
    expect(rendered.text).toContain('Tracking number: 3SABCD1234567');
    expect(rendered.text).toContain('https://jouw.postnl.nl/track-and-trace/3SABCD1234567/NL/1012LG');
    const [sms] = await db.select().from(notifications).where(and(eq(notifications.orderId, order.orderId), eq(notifications.templateKey, 'shipped'), eq(notifications.channel, 'sms')));
    expect((await renderNotification('shipped', 'nl', sms.payload, { db })).sms).toContain('PostNL 3SABCD1234567');

    const detail = await getAdminOrderDetail(db, admin, order.orderId);
    expect(detail).toMatchObject({ carrier: 'PostNL', trackingNumber: '3SABCD1234567', actions: { ship: false, deliver: true, cancel: false } });
  });

  it('refuses an unpaid order, a pickup and an order already shipped with a clear error, and changes nothing', async () => {
    const unpaid = await webOrder(db, shop, { fulfilment: 'delivery', guest: GUEST });
    expect(await codeOf(ship(unpaid.orderId))).toBe('orderNotPaid');
    expect(await orderRow(unpaid.orderId)).toEqual({ status: 'pending_payment', carrier: null, trackingNumber: null });

    const pickup = await webOrder(db, shop, { fulfilment: 'pickup', guest: GUEST });
    await payOnline(db, pickup);
    expect(await codeOf(ship(pickup.orderId))).toBe('orderNotForDelivery');

    const sale = await counterSale(db, shop, clerk);
    expect(await codeOf(ship(sale.orderId))).toBe('orderNotForDelivery');

    const shipped = await paidDelivery();
    await ship(shipped.orderId);
    expect(await codeOf(shipOrder(db, { orderId: shipped.orderId, carrier: 'DHL', trackingNumber: 'JD0001' }, admin))).toBe('orderNotShippable');
    expect(await orderRow(shipped.orderId)).toMatchObject({ carrier: 'PostNL' });

    for (const id of [unpaid.orderId, pickup.orderId, sale.orderId]) expect(await audits(id)).toEqual([]);
    expect((await audits(shipped.orderId)).map((a) => a.action)).toEqual(['order.shipped']);
    expect(await codeOf(ship('00000000-0000-4000-8000-000000000000'))).toBe('notFound');
  });

  it('is for admins only: a clerk is refused, even for an order of their own store', async () => {
    const order = await paidDelivery();
    expect(await codeOf(ship(order.orderId, clerk))).toBe('forbidden');
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'paid', carrier: null });
  });
});

describe('markOrderDelivered', () => {
  it('marks a shipped order delivered, and refuses one that was not shipped', async () => {
    const order = await paidDelivery();
    expect(await codeOf(markOrderDelivered(db, { orderId: order.orderId }, admin))).toBe('orderNotShipped');
    await ship(order.orderId);
    await markOrderDelivered(db, { orderId: order.orderId }, admin);
    expect((await orderRow(order.orderId)).status).toBe('delivered');
    expect((await audits(order.orderId)).map((a) => [a.action, a.after])).toEqual([
      ['order.shipped', { status: 'shipped', carrier: 'PostNL', trackingNumber: '3SABCD1234567' }],
      ['order.delivered', { status: 'delivered' }],
    ]);
    expect(await codeOf(markOrderDelivered(db, { orderId: order.orderId }, admin))).toBe('orderNotShipped');
    expect(await codeOf(markOrderDelivered(db, { orderId: order.orderId }, clerk))).toBe('forbidden');
  });
});

describe('cancelOrderByAdmin', () => {
  it('cancels an unpaid order, releasing its reservation; nothing is owed', async () => {
    const order = await webOrder(db, shop, { fulfilment: 'delivery', guest: GUEST });
    const done = await cancelOrderByAdmin(db, { orderId: order.orderId, reason: 'Customer called' }, admin);
    expect(done.refundDueCents).toBe(0);
    expect((await orderRow(order.orderId)).status).toBe('cancelled');
    expect(await warehouse()).toEqual({ onHand: 10, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
    expect((await audits(order.orderId)).map((a) => [a.action, a.before, a.after])).toEqual([['order.cancelled', { status: 'pending_payment' }, { status: 'cancelled', refundDueCents: 0 }]]);
    const [event] = await db.select({ note: orderEvents.note }).from(orderEvents).where(and(eq(orderEvents.orderId, order.orderId), eq(orderEvents.type, 'cancelled')));
    expect(event.note).toBe('Customer called');
  });

  it('cancels a paid order and records its payment as a refund owed, listed for the dashboard', async () => {
    const order = await paidDelivery();
    const done = await cancelOrderByAdmin(db, { orderId: order.orderId }, admin);
    expect(done.refundDueCents).toBe(order.totalCents);
    const [payment] = await db.select({ status: payments.status, refundDue: payments.refundDue }).from(payments).where(eq(payments.orderId, order.orderId));
    expect(payment).toEqual({ status: 'succeeded', refundDue: true });
    const events = await db.select({ type: orderEvents.type }).from(orderEvents).where(eq(orderEvents.orderId, order.orderId)).orderBy(asc(orderEvents.id));
    expect(events.map((e) => e.type)).toEqual(['placed', 'paid', 'cancelled', 'refund_due']);
    expect(await listPaymentAnomalies(db)).toEqual([expect.objectContaining({ kind: 'refund_due', orderId: order.orderId, amountCents: order.totalCents, refundDue: true })]);
    expect((await audits(order.orderId))[0].after).toEqual({ status: 'cancelled', refundDueCents: order.totalCents });
    const detail = await getAdminOrderDetail(db, admin, order.orderId);
    expect(detail?.payments[0].refundDue).toBe(true);
    expect(detail?.actions).toEqual({ ship: false, deliver: false, cancel: false, cancelOwesRefund: false });
  });

  it('refuses a shipped, collected or completed order and one already cancelled, changing nothing', async () => {
    const shipped = await paidDelivery();
    await ship(shipped.orderId);
    expect(await codeOf(cancelOrderByAdmin(db, { orderId: shipped.orderId }, admin))).toBe('orderNotCancellable');
    const sale = await counterSale(db, shop, clerk);
    expect(await codeOf(cancelOrderByAdmin(db, { orderId: sale.orderId }, admin))).toBe('orderNotCancellable');
    const order = await webOrder(db, shop, { fulfilment: 'pickup', guest: GUEST });
    await cancelOrderByAdmin(db, { orderId: order.orderId }, admin);
    expect(await codeOf(cancelOrderByAdmin(db, { orderId: order.orderId }, admin))).toBe('orderNotCancellable');
    expect(await codeOf(cancelOrderByAdmin(db, { orderId: shipped.orderId }, clerk))).toBe('forbidden');
    expect((await audits(shipped.orderId)).map((a) => a.action)).toEqual(['order.shipped']);
    expect(await audits(sale.orderId)).toEqual([]);
    expect((await audits(order.orderId)).map((a) => a.action)).toEqual(['order.cancelled']);
  });
});

describe('resendOrderMessage', () => {
  it('queues the latest message of the chosen kind again under a new key, with a timeline event and an audit entry', async () => {
    const order = await webOrder(db, shop, { fulfilment: 'delivery', guest: GUEST });
    const [original] = await db.select().from(notifications).where(and(eq(notifications.orderId, order.orderId), eq(notifications.templateKey, 'order_confirmation')));
    await resendOrderMessage(db, { orderId: order.orderId, kind: 'order_confirmation:email' }, admin);

    const rows = await db.select().from(notifications).where(and(eq(notifications.orderId, order.orderId), eq(notifications.templateKey, 'order_confirmation'))).orderBy(asc(notifications.createdAt));
    expect(rows).toHaveLength(2);
    const copy = rows.find((r) => r.id !== original.id)!;
    expect(copy).toMatchObject({ channel: 'email', recipient: 'greta@example.com', status: 'pending', locale: original.locale });
    expect(copy.causeKey).not.toBe(original.causeKey);
    // The same message; only a guest's link is renewed (see the next test), so its expiry is not compared.
    const { guestLinkExpiresAt: _copyExpiry, link: _copyLink, ...copyRest } = copy.payload;
    const { guestLinkExpiresAt: _originalExpiry, link: _originalLink, ...originalRest } = original.payload;
    expect(copyRest).toEqual(originalRest);
    const [event] = await db.select({ type: orderEvents.type, actorUserId: orderEvents.actorUserId }).from(orderEvents).where(and(eq(orderEvents.orderId, order.orderId), eq(orderEvents.type, 'message_resent')));
    expect(event).toEqual({ type: 'message_resent', actorUserId: admin.userId });
    expect((await audits(order.orderId)).map((a) => [a.action, a.after])).toEqual([['order.message_resent', { templateKey: 'order_confirmation', channel: 'email', resentFrom: original.id }]]);
    expect((await getAdminOrderDetail(db, admin, order.orderId))?.resendKinds).toEqual(['order_confirmation:email']);
  });

  it('gives a copy of a guest’s message a fresh link: the old one may have expired', async () => {
    const order = await webOrder(db, shop, { fulfilment: 'delivery', guest: GUEST });
    const old = { orderNumber: order.number, link: `/orders/${order.orderId}/open?access=expired.sig`, guestLinkExpiresAt: '2026-01-01T00:00:00.000Z' };
    await db.insert(notifications).values({ causeKey: 'old-guest-message', channel: 'email', recipient: GUEST.email, templateKey: 'order_confirmation', locale: 'nl', payload: old, orderId: order.orderId, createdAt: new Date(Date.now() + 60_000) });
    const now = new Date();
    await resendOrderMessage(db, { orderId: order.orderId, kind: 'order_confirmation:email' }, admin, now);
    const [copy] = await db.select().from(notifications).where(and(eq(notifications.orderId, order.orderId), like(notifications.causeKey, 'order:%:resend:%')));
    expect(copy.payload.link).toMatch(new RegExp(`^/orders/${order.orderId}/open\\?access=`));
    expect(copy.payload.link).not.toBe(old.link);
    expect(new Date(copy.payload.guestLinkExpiresAt as string).getTime()).toBeGreaterThan(now.getTime());
    expect(copy.payload.orderNumber).toBe(order.number);
  });

  it('refuses a kind never sent for the order, and a clerk', async () => {
    const order = await webOrder(db, shop, { fulfilment: 'delivery', guest: GUEST });
    expect(await codeOf(resendOrderMessage(db, { orderId: order.orderId, kind: 'shipped:email' }, admin))).toBe('noMessageToResend');
    expect(await codeOf(resendOrderMessage(db, { orderId: order.orderId, kind: 'order_confirmation:email' }, clerk))).toBe('forbidden');
    expect(await audits(order.orderId)).toEqual([]);
    expect(await db.select().from(notifications).where(eq(notifications.orderId, order.orderId))).toHaveLength(1);
  });
});

describe('the counter look-up', () => {
  it('shows a clerk of any store any order, read-only, and records the look-up', async () => {
    const other = await createStaff(db, { role: 'clerk', email: 'utrecht@example.com', locationId: shop.storeB.id });
    const order = await paidDelivery();
    await ship(order.orderId);
    const detail = await getCounterOrderDetail(db, other, order.orderId);
    expect(detail).toMatchObject({ number: order.number, status: 'shipped', paid: true, deliveryCity: 'Amsterdam', carrier: 'PostNL', trackingNumber: '3SABCD1234567' });
    expect(detail).not.toHaveProperty('shippingAddress');
    expect(detail).not.toHaveProperty('payments');
    await recordOrderLookup(db, other, { id: order.orderId, number: order.number });
    expect((await audits(order.orderId)).map((a) => [a.action, a.actorUserId, a.after])).toEqual([
      ['order.shipped', admin.userId, expect.anything()],
      ['order.looked_up', other.userId, { storeId: shop.storeB.id }],
    ]);
  });
});
