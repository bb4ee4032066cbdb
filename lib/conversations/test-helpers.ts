// Shared by the conversation tests only (never imported by app code).
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart, setCartCustomer } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { placeOrder } from '@/lib/orders/mutations';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import type { ShopViewer } from './access';

process.env.AUTH_SECRET ??= 'test-secret-for-conversations-0123456789';

/**
 * A shop with store A (Amsterdam) and store B (Utrecht); Eva (customer, prefers Utrecht, wants email and
 * SMS), Finn (another customer, no preferred store); a clerk per store, an admin; Eva's pickup order
 * in Utrecht and a guest's pickup order in Utrecht.
 */
export async function buildConversationWorld(db: DbOrTx) {
  await resetDatabase(db);
  const shop = await createShop(db, { warehouse: 10, storeA: 10, storeB: 10 });
  const eva = await createCustomerActor(db, 'eva@example.com');
  const finn = await createCustomerActor(db, 'finn@example.com');
  await db
    .update(customers)
    .set({ preferredLocationId: shop.storeB.id, phone: '06 12345678', notifyByEmail: true, notifyBySms: true, locale: 'en' })
    .where(eq(customers.id, eva.customerId!));
  const clerkA = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
  const clerkB = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
  const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });

  const pickupOrder = async (actor: Actor | null, storeId: number, email = 'guest@example.com') => {
    const { cartId } = await getOrCreateWebCart(db, { customerId: actor?.customerId ?? null });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const placed = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', pickupLocationId: storeId, cartId, email, customerName: 'Gina Guest' },
      actor,
    );
    return placed.orderId;
  };
  const evaOrder = await pickupOrder(eva, shop.storeB.id, eva.email);
  const guestOrder = await pickupOrder(null, shop.storeB.id);

  const viewers = {
    eva: { actor: eva, guestOrderIds: [] } satisfies ShopViewer,
    finn: { actor: finn, guestOrderIds: [] } satisfies ShopViewer,
    guest: { actor: null, guestOrderIds: [guestOrder] } satisfies ShopViewer,
    stranger: { actor: null, guestOrderIds: [] } satisfies ShopViewer,
  };

  /** Puts `customerId` on the clerk's open counter cart: the clerk looked them up for a sale. */
  const serveAtCounter = async (clerk: Actor, customerId: number) => {
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: clerk.locationId! });
    await setCartCustomer(db, { cartId, customerId });
  };

  return { shop, eva, finn, clerkA, clerkB, admin, evaOrder, guestOrder, viewers, pickupOrder, serveAtCounter };
}
export type ConversationWorld = Awaited<ReturnType<typeof buildConversationWorld>>;

/** Row counts of the conversation tables and the outbox: proof that a refused call changed nothing. */
export async function conversationCounts(db: DbOrTx) {
  const [row] = rowsOf<{ threads: number; messages: number; notifications: number; snapshot: string }>(
    await db.execute(sql`select
      (select count(*)::int from conversation_threads) as threads,
      (select count(*)::int from conversation_messages) as messages,
      (select count(*)::int from notifications) as notifications,
      (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from conversation_threads t) as snapshot`),
  );
  return row;
}

export function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: { code?: string }) => error.code ?? String(error),
  );
}
