import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, cartHandoffs, customers, loyaltyAccounts, loyaltyEntries, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { handoffQrText } from '@/lib/cart-handoff/code';
import { issueHandoff } from '@/lib/cart-handoff/mutations';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart, setCartCustomer } from '@/lib/carts/mutations';
import { postCustomerMessage } from '@/lib/conversations/customer-messages';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { transitionOrder } from '@/lib/orders/transition-order';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { counterSale, createProfile, payOnline, webOrder } from '@/lib/testing/orders';
import { classifyLookup } from './lookup';
import { openCustomer } from './open';
import { searchCustomers } from './queries';
import { getCustomerTimeline, segmentOf } from './timeline';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;
let anna: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 5 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  anna = await createCustomerActor(db, 'anna@example.com');
  await db
    .update(customers)
    .set({ name: 'Anna de Jong', phone: '+31612345678', loyaltyCardNumber: '2700000000015' })
    .where(eq(customers.id, anna.customerId!));
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe('[CUSTOMERS] lookup', () => {
  it('finds a customer by phone in every common Dutch notation', async () => {
    for (const typed of [
      '06-12345678',
      '0612345678',
      '06 1234 5678',
      '+31 6 1234 5678',
      '+31612345678',
      '0031612345678',
      '0031 6 12345678',
      '+31 (0)6 12345678',
    ]) {
      expect(ids(await searchCustomers(db, clerk, typed)), typed).toEqual([anna.customerId]);
    }
  });

  it('finds by email in any case, by scanned card number and by part of the name', async () => {
    expect(ids(await searchCustomers(db, clerk, '  ANNA@Example.com '))).toEqual([anna.customerId]);
    expect(ids(await searchCustomers(db, clerk, '2700000000015'))).toEqual([anna.customerId]);
    expect(ids(await searchCustomers(db, clerk, '2700 0000 00015'))).toEqual([anna.customerId]);
    expect(ids(await searchCustomers(db, clerk, 'de jo'))).toEqual([anna.customerId]);
    expect(await searchCustomers(db, clerk, 'nobody@example.com')).toEqual([]);
  });

  it("finds the customer behind their cart's code or QR text without spending it; an unknown code is no match", async () => {
    const { cartId } = await getOrCreateWebCart(db, { customerId: anna.customerId! });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const { code } = await issueHandoff(db, { webCartId: cartId });
    expect(ids(await searchCustomers(db, clerk, code.toLowerCase()))).toEqual([anna.customerId]);
    expect(ids(await searchCustomers(db, clerk, handoffQrText(code)))).toEqual([anna.customerId]);
    const [handoff] = await db.select({ usedAt: cartHandoffs.usedAt }).from(cartHandoffs);
    expect(handoff.usedAt).toBeNull();
    expect(await searchCustomers(db, clerk, 'ZZZZZZ')).toEqual([]);
  });

  it('refuses a malformed phone number with a clear error, and a name with % matches only itself', async () => {
    const error = await searchCustomers(db, clerk, '06-123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'invalidPhoneNumber', values: { value: '06-123' }, field: 'q' });
    expect(await searchCustomers(db, clerk, '%')).toEqual([]);
    expect(classifyLookup('06-12345678')).toMatchObject({
      kind: 'number',
      phone: '+31612345678',
      card: null,
    });
  });

  it('never finds merged or erased profiles, and only staff may look up', async () => {
    const twin = await createProfile(db, { name: 'Anna de Jong (old)', phone: '+31612345678' });
    expect(ids(await searchCustomers(db, clerk, '0612345678')).sort()).toEqual(
      [anna.customerId, twin.id].sort(),
    );
    await db
      .update(customers)
      .set({ mergedIntoCustomerId: anna.customerId })
      .where(eq(customers.id, twin.id));
    const gone = await createProfile(db, { name: 'Anna Erased', email: 'erased@example.com' });
    await db.update(customers).set({ erasedAt: new Date() }).where(eq(customers.id, gone.id));
    expect(ids(await searchCustomers(db, clerk, '0612345678'))).toEqual([anna.customerId]);
    expect(await searchCustomers(db, clerk, 'Anna')).toHaveLength(1);
    expect(await codeOf(searchCustomers(db, anna, 'Anna'))).toBe('forbidden');
    expect(await codeOf(searchCustomers(db, null, 'Anna'))).toBe('unauthenticated');
  });

  it('writes one audit row per opened customer panel (who looked up whom)', async () => {
    await openCustomer(db, clerk, anna.customerId!);
    await openCustomer(db, clerk, anna.customerId!);
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'customer.looked_up'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actorUserId: clerk.userId,
      actorRole: 'clerk',
      entityType: 'customer',
      entityId: String(anna.customerId),
    });
    await searchCustomers(db, clerk, 'Anna'); // a search opens nothing
    expect(await db.select().from(auditLog)).toHaveLength(2);
    expect(await codeOf(openCustomer(db, anna, anna.customerId!))).toBe('forbidden');
    expect(await db.select().from(auditLog)).toHaveLength(2);
  });

  it('opening a merged profile points to the kept one', async () => {
    const twin = await createProfile(db, { name: 'Old Anna' });
    await db
      .update(customers)
      .set({ mergedIntoCustomerId: anna.customerId })
      .where(eq(customers.id, twin.id));
    expect(await openCustomer(db, clerk, twin.id)).toEqual({ kind: 'merged', customerId: anna.customerId });
    expect(await openCustomer(db, clerk, 999_999)).toEqual({ kind: 'missing' });
  });
});

describe('[CUSTOMERS] one timeline', () => {
  it('shows web orders with live status, counter purchases, the conversation and points, newest first', async () => {
    const day = 24 * 3600_000;
    const now = Date.now();
    const web = await webOrder(db, shop, { fulfilment: 'pickup', actor: anna, now: new Date(now - 3 * day) });
    await payOnline(db, web);
    await transitionOrder(db, { orderId: web.orderId, to: 'ready_for_pickup', actor: clerk });
    const sale = await counterSale(db, shop, clerk, anna.customerId);
    await db
      .update(orders)
      .set({ placedAt: new Date(now - day) })
      .where(eq(orders.id, sale.orderId));
    // An admin's adjustment (lib/loyalty may also have credited points for the paid orders by now).
    await db
      .insert(loyaltyAccounts)
      .values({ customerId: anna.customerId!, balance: 7 })
      .onConflictDoUpdate({
        target: loyaltyAccounts.customerId,
        set: { balance: sql`${loyaltyAccounts.balance} + 7` },
      });
    await db
      .insert(loyaltyEntries)
      .values({
        customerId: anna.customerId!,
        kind: 'adjustment',
        points: 7,
        reason: 'welcome',
        createdAt: new Date(now - 2 * day),
      });
    await postCustomerMessage(
      db,
      { orderId: web.orderId, body: 'Can my friend pick it up?' },
      { actor: anna, guestOrderIds: [] },
    );

    const timeline = await getCustomerTimeline(db, clerk, anna.customerId!);
    const times = timeline.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first
    const orderEntries = timeline.entries.filter((e) => e.kind === 'order');
    expect(orderEntries).toMatchObject([
      {
        channel: 'store',
        status: 'completed',
        fulfilment: 'in_store',
        storeCity: 'Amsterdam',
        number: sale.number,
      },
      {
        channel: 'web',
        status: 'ready_for_pickup',
        fulfilment: 'pickup',
        storeCity: 'Amsterdam',
        itemCount: 1,
        number: web.number,
      },
    ]);
    expect(timeline.entries[0]).toMatchObject({
      kind: 'conversation',
      channel: 'web',
      messageCount: 1,
      lastMessage: { author: 'customer', excerpt: 'Can my friend pick it up?' },
    });
    const ledger = await db
      .select()
      .from(loyaltyEntries)
      .where(eq(loyaltyEntries.customerId, anna.customerId!));
    expect(timeline.entries.filter((e) => e.kind === 'loyalty')).toHaveLength(ledger.length);
    expect(timeline.entries).toContainEqual(
      expect.objectContaining({ kind: 'loyalty', entryKind: 'adjustment', points: 7, channel: null }),
    );
    const [account] = await db
      .select()
      .from(loyaltyAccounts)
      .where(eq(loyaltyAccounts.customerId, anna.customerId!));
    expect(timeline.loyalty.balance).toBe(account.balance);
    expect(timeline.loyalty.recent.length).toBe(Math.min(ledger.length, 5));
    expect(timeline.segment).toBe('omnichannel');
  });

  it('derives the segment from the channels bought in; cancelled orders do not count', async () => {
    expect(segmentOf([])).toBe('new');
    expect(segmentOf(['web', 'web'])).toBe('web_only');
    expect(segmentOf(['store'])).toBe('store_only');
    expect(segmentOf(['store', 'web'])).toBe('omnichannel');
    await payOnline(db, await webOrder(db, shop, { fulfilment: 'delivery', actor: anna }));
    expect((await getCustomerTimeline(db, clerk, anna.customerId!)).segment).toBe('web_only');
    const unpaid = await webOrder(db, shop, { fulfilment: 'delivery', actor: anna });
    await transitionOrder(db, { orderId: unpaid.orderId, to: 'cancelled', actor: 'system' });
    const profile = await createProfile(db, { name: 'Walk-in' });
    await counterSale(db, shop, clerk, profile.id);
    expect((await getCustomerTimeline(db, clerk, profile.id)).segment).toBe('store_only');
    const fresh = await createProfile(db, { name: 'Nobody yet' });
    expect(await getCustomerTimeline(db, clerk, fresh.id)).toEqual({
      entries: [],
      segment: 'new',
      loyalty: { balance: 0, recent: [] },
    });
  });

  it('a counter sale with an attached customer carries the customer on the order', async () => {
    const { cartId } = await getOrCreateCounterCart(db, {
      clerkUserId: clerk.userId,
      locationId: shop.storeA.id,
    });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await setCartCustomer(db, { cartId, customerId: anna.customerId });
    const sale = await completeCounterSale(
      db,
      { idempotencyKey: randomUUID(), method: 'card_terminal', cartId, storeId: shop.storeA.id },
      clerk,
    );
    const [order] = await db
      .select({ customerId: orders.customerId })
      .from(orders)
      .where(eq(orders.id, sale.orderId));
    expect(order.customerId).toBe(anna.customerId);
  });
});
