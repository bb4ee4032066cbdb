/**
 * What the real-database security tests share: every server action of the app (found, not listed),
 * a small shop with an owner for everything an action can name, the six callers of the role matrix,
 * and cheap fingerprints of the database to prove that a refused call changed nothing.
 *
 * Import it AFTER the harness mocks are registered (test files do, since vi.mock is hoisted).
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { customerAddresses, customers, notifications, users } from '@/db/schema';
import type { Access, ActionState } from '@/lib/actions/action';
import { addToCart, applyPromotionCode, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { CART_COOKIE } from '@/lib/carts/web-cart';
import { issueHandoff } from '@/lib/cart-handoff/mutations';
import { createCatalogAdminThings } from '@/lib/catalog/testing';
import { createPaymentThings } from '@/lib/payments/testing';
import { createTransferThings } from '@/lib/transfers/testing';
import { createCounterReturnThings } from '@/lib/returns/counter-testing';
import { createWebReturnThings } from '@/lib/returns/web-testing';
import { hashPassword } from '@/lib/auth/password';
import { postCustomerMessage } from '@/lib/conversations/customer-messages';
import type { Actor } from '@/lib/identity/queries';
import { issueToken } from '@/lib/identity/tokens';
import { placeOrder, recordPayment, transitionOrder } from '@/lib/orders/mutations';
import { handOverPickup, markPickupReady } from '@/lib/orders/pickup-mutations';
import { startPayment } from '@/lib/payments/mutations';
import { openTillSession } from '@/lib/till/mutations';
import { createReviewThings } from '@/lib/reviews/testing';
import { createExperimentThings } from '@/lib/insight/experiment-testing';
import { createSatisfactionThings } from '@/lib/insight/satisfaction-testing';
import { createCustomerActor, createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { callAction } from '@/lib/testing/call-action';
import { resetCaller, securityState } from './harness';

export type WrappedAction = ((input: unknown, formData?: unknown) => Promise<ActionState>) & { access: Access };
export interface DiscoveredAction {
  /** "lib/carts/actions.ts#addToCartAction" */
  name: string;
  exportName: string;
  fn: WrappedAction;
}

/** Modules that hold server actions: every `'use server'` file must match this (checked by coverage.security.test.ts). */
const actionModules = import.meta.glob<Record<string, unknown>>('/lib/**/*actions.ts');
export const ACTION_MODULE_PATHS = Object.keys(actionModules).map((p) => p.slice(1));

/** Every export of every action module, as found: the suite never works from a hand-kept list. */
export async function discoverActions(): Promise<DiscoveredAction[]> {
  const found: DiscoveredAction[] = [];
  for (const [path, load] of Object.entries(actionModules)) {
    for (const [exportName, value] of Object.entries(await load())) {
      found.push({ name: `${path.slice(1)}#${exportName}`, exportName, fn: value as WrappedAction });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The six callers of the matrix. "customer", "clerk" and "admin" own what the world's inputs name. */
export const PERSONAS = ['anonymous', 'customer', 'otherCustomer', 'clerk', 'otherStoreClerk', 'admin'] as const;
export type Persona = (typeof PERSONAS)[number];

/** Who a scenario's input belongs to when it does not say: the customer, store A's clerk or the admin. */
export function ownersOf(access: Access, declared?: Persona[]): Persona[] {
  if (declared) return declared;
  if (access === 'public' || access.includes('customer')) return ['customer'];
  return access.includes('clerk') ? ['clerk'] : ['admin'];
}

export const PROMO_CODE = 'SAVE10';
/** The owner's password (the account page asks for it to change the email or password). */
export const OWNER_PASSWORD = 'owner password 1';

/**
 * The shop every matrix and fuzz test runs against: a customer (the owner) with an open web cart
 * holding a line and a code, an unpaid order with a pending online payment and a paid pickup order at
 * store A; a clerk of store A with a counter cart; a clerk of store B; another customer; an admin.
 */
export async function buildWorld(db: DbOrTx) {
  await resetDatabase(db);
  resetCaller();
  const shop = await createShop(db, { warehouse: 20, storeA: 14, storeB: 10 });
  const promotion = await createPromotionRow(db, { name: 'Ten off', kind: 'percentage', value: 10, target: 'all', code: PROMO_CODE });
  const owner = await createCustomerActor(db, 'owner@example.com');
  const otherCustomer = await createCustomerActor(db, 'mallory@example.com');
  const clerk = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
  const otherStoreClerk = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
  const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  // A profile made at the counter (no account): the duplicate an admin merges into the owner's.
  const [walkIn] = await db.insert(customers).values({ name: 'Walk-in', phone: '+31687654321' }).returning({ id: customers.id });

  const ownerCart = async () => {
    const { cartId } = await getOrCreateWebCart(db, { customerId: owner.customerId });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 2 });
    return cartId;
  };
  const order = (cartId: string) =>
    placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id }, owner);
  const unpaidOrder = await order(await ownerCart());
  const payment = await startPayment(db, { orderId: unpaidOrder.orderId });
  const pickupOrder = await order(await ownerCart());
  await recordPayment(db, { orderId: pickupOrder.orderId, method: 'test_provider', amountCents: pickupOrder.totalCents, idempotencyKey: randomUUID() }, null);
  // Two more of the owner's pickups at store A: one ready (its code is what the customer shows), one just handed over.
  const readyPickup = async () => {
    const placed = await order(await ownerCart());
    await recordPayment(db, { orderId: placed.orderId, method: 'test_provider', amountCents: placed.totalCents, idempotencyKey: randomUUID() }, null);
    await markPickupReady(db, { orderId: placed.orderId, storeId: shop.storeA.id, actor: clerk });
    const [row] = rowsOf<{ code: string }>(await db.execute(sql`select pickup_code as code from orders where id = ${placed.orderId}`));
    return { orderId: placed.orderId, code: row.code };
  };
  const ready = await readyPickup();
  const collected = await readyPickup();
  await handOverPickup(db, { orderId: collected.orderId, storeId: shop.storeA.id, actor: clerk, pickupCode: collected.code });
  // The owner's home deliveries, for the admin's order steps: one paid (to ship), one shipped (to mark delivered).
  const paidDelivery = async () => {
    const address = { name: 'Owner', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' };
    const placed = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'delivery', cartId: await ownerCart(), customerName: 'Owner', shippingAddress: address },
      owner,
    );
    await recordPayment(db, { orderId: placed.orderId, method: 'test_provider', amountCents: placed.totalCents, idempotencyKey: randomUUID() }, null);
    return placed.orderId;
  };
  const paidDeliveryOrderId = await paidDelivery();
  const shippedDeliveryOrderId = await paidDelivery();
  await transitionOrder(db, { orderId: shippedDeliveryOrderId, to: 'shipped', actor: admin });
  // Returns at the counter: the owner's order handled at store A, a walk-in's at store B (lib/returns/counter-testing.ts);
  // before the owner's open cart below, which it would otherwise order.
  const counterReturns = await createCounterReturnThings(db, shop, { owner, clerk, otherStoreClerk });
  // The owner's collected order (its own cart, so also before the open cart) with a posted return to receive, a
  // received one to refund and a unit left to return (lib/returns/web-testing.ts).
  const webReturns = await createWebReturnThings(db, shop, { owner, clerk, admin });
  const cartId = await ownerCart();
  await applyPromotionCode(db, cartId, PROMO_CODE);
  // The owner asked about the pickup: a conversation thread at store A, clerk A's to answer.
  const conversation = await postCustomerMessage(db, { orderId: pickupOrder.orderId, body: 'When can I pick it up?' }, { actor: owner, guestOrderIds: [] });

  const counter = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
  await addToCart(db, { cartId: counter.cartId, variantId: shop.variant.id, quantity: 1 });
  await applyPromotionCode(db, counter.cartId, PROMO_CODE);

  // A message the outbox gave up on, for the admin's "Retry".
  const [deadNotification] = await db
    .insert(notifications)
    .values({ causeKey: 'security-world', channel: 'email', recipient: 'owner@example.com', templateKey: 'password_reset', locale: 'en', payload: {}, status: 'dead', attempts: 8, customerId: owner.customerId })
    .returning({ id: notifications.id });

  // Password-reset links as the mail carries them: one for the owner's account, one for another customer's.
  const resetLink = async (actor: Actor) => (await issueToken(db, { userId: actor.userId, email: actor.email, purpose: 'password_reset' })).token;
  const resetTokens = { owner: await resetLink(owner), other: await resetLink(otherCustomer) };

  // The owner's own password and address book entry (the account page's actions).
  await db.update(users).set({ passwordHash: await hashPassword(OWNER_PASSWORD) }).where(eq(users.id, owner.userId));
  const [ownerAddress] = await db
    .insert(customerAddresses)
    .values({ customerId: owner.customerId!, name: 'Owner', street: 'Oudegracht 1', postcode: '3511 AA', city: 'Utrecht', isDefault: true })
    .returning({ id: customerAddresses.id });

  // The catalog admin's: a price change still to come and a product photo.
  const catalog = await createCatalogAdminThings(db, shop);
  // Stock transfers with the warehouse at one end (only admins may act on them).
  const transfers = await createTransferThings(db, shop, admin);
  // A paid order of the owner's, cancelled: its online payment is owed back (the admin's "Retry refund").
  const paymentThings = await createPaymentThings(db, shop, { owner, admin });

  // "Continue in store" codes, one per caller, each for an anonymous shopper's cart: a code is a bearer
  // credential that the clerk of whichever store the shopper walks into may load (once).
  const handoffCodes = {} as Record<Persona, string>;
  for (const persona of PERSONAS) {
    const { cartId: shopperCart } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId: shopperCart, variantId: shop.variant.id, quantity: 1 });
    handoffCodes[persona] = (await issueHandoff(db, { webCartId: shopperCart })).code;
  }

  // The owner bought the shop's product (the paid pickups above) and reviewed it: the admin's "Hide".
  const reviews = await createReviewThings(db, shop.product.id, owner);
  // A draft experiment for the admin's start / stop, and a promotion free to test (S11).
  const experiments = await createExperimentThings(db, admin);
  // Survey links of completed sales, one per caller (bearer: the signed link), and the owner's low score (S12).
  const satisfaction = await createSatisfactionThings(db, { locationId: shop.storeA.id, ownerCustomerId: owner.customerId!, keys: PERSONAS });

  // An open till at store A, for the till actions (its device cookie is set by their scenarios).
  const till = await openTillSession(db, { locationId: shop.storeA.id, tillName: 'Till 1', openingFloatCents: 10000 }, clerk);

  const actors: Record<Persona, Actor | null> = { anonymous: null, customer: owner, otherCustomer, clerk, otherStoreClerk, admin };
  return {
    shop,
    promotion,
    actors,
    ownerCartId: cartId,
    counterCartId: counter.cartId,
    unpaidOrderId: unpaidOrder.orderId,
    /** What the hosted payment page's link carries (the "paymentId" of decideTestPaymentAction). */
    paymentReference: payment.providerReference,
    pickupOrderId: pickupOrder.orderId,
    resetTokens,
    /** Ready for pickup at store A, and the code its customer would show. */
    readyPickupOrderId: ready.orderId,
    readyPickupCode: ready.code,
    /** Handed over at store A a moment ago: its hand-over can still be undone. */
    collectedPickupOrderId: collected.orderId,
    threadId: conversation.threadId,
    deadNotificationId: deadNotification.id,
    /** A counter profile without account, not the owner's. */
    walkInCustomerId: walkIn.id,
    /** The owner's delivery orders: paid (to ship) and shipped (to mark delivered). */
    paidDeliveryOrderId,
    shippedDeliveryOrderId,
    /** A cart handoff code per caller (see above). */
    handoffCodes,
    ownerAddressId: ownerAddress.id,
    ...paymentThings,
    /** "Till 1" at store A, open, opened by the clerk with a € 100 float. */
    tillSessionId: till.id,
    /** A scheduled price change (2099) of the shop's variant and a photo of its product. */
    catalog,
    transfers,
    webReturns,
    counterReturns,
    reviews,
    satisfaction,
    experiments,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Signs `persona` in. Every caller presents the owner's cart cookie, as if its id had leaked: what
 * protects a cart is the check on who holds it, never the secrecy of the cookie alone.
 */
export function actAs(world: World, persona: Persona): void {
  resetCaller();
  securityState.actor = world.actors[persona];
  securityState.cookies.set(CART_COOKIE, world.ownerCartId);
}

export type Outcome = ActionState | { redirected: string };

/** Calls an action the way a form does; a redirect (Next's success path) comes back as its URL. */
export async function call(fn: WrappedAction, input: unknown): Promise<Outcome> {
  return callAction(fn, input);
}

export const isRefusal = (o: Outcome): boolean => 'ok' in o && o.ok === false;

// Abuse counters are meant to grow on refused attempts (that is what makes them work).
const GROWS_ON_REFUSAL = new Set(['rate_limit_hits', 'sign_in_attempts']);
const tableLists = new WeakMap<object, string[]>();

/** Rows and a content hash of every table: any insert, update or delete shows. One query. */
export async function fingerprint(db: DbOrTx): Promise<Record<string, string>> {
  let tables = tableLists.get(db);
  if (!tables) {
    const rows = rowsOf<{ name: string }>(
      await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
    );
    tables = rows.map((r) => r.name).filter((name) => !GROWS_ON_REFUSAL.has(name));
    tableLists.set(db, tables);
  }
  const query = tables
    .map((t) => `select '${t}' as t, count(*)::int || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`)
    .join(' union all ');
  const rows = rowsOf<{ t: string; h: string }>(await db.execute(sql.raw(query)));
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/**
 * A hash of what the owners hold: the owner's profile, account, carts, orders with their lines,
 * events and payments; the store-A clerk's account and counter cart; the promotions. Another caller
 * may create things of their own, never change these.
 */
export async function ownedFingerprint(db: DbOrTx, world: World): Promise<string> {
  const customerId = world.actors.customer!.customerId!;
  const users = [world.actors.customer!.userId, world.actors.clerk!.userId];
  const carts = sql`select id from carts where customer_id = ${customerId} or clerk_user_id = ${world.actors.clerk!.userId}`;
  const orders = sql`select id from orders where customer_id = ${customerId}`;
  const [row] = rowsOf<{ h: string }>(await db.execute(sql`
    select md5(coalesce(string_agg(r, '|' order by r), '')) as h from (
      select 'customer ' || x::text as r from customers x where x.id = ${customerId}
      union all select 'user ' || x::text from users x where x.id in (${users[0]}, ${users[1]})
      union all select 'cart ' || x::text from carts x where x.id in (${carts})
      union all select 'line ' || x::text from cart_lines x where x.cart_id in (${carts})
      union all select 'order ' || x::text from orders x where x.id in (${orders})
      union all select 'order line ' || x::text from order_lines x where x.order_id in (${orders})
      union all select 'event ' || x::text from order_events x where x.order_id in (${orders})
      union all select 'payment ' || x::text from payments x where x.order_id in (${orders})
      union all select 'promotion ' || x::text from promotions x
      union all select 'thread ' || x::text from conversation_threads x where x.customer_id = ${customerId}
      union all select 'message ' || x::text from conversation_messages x where x.thread_id in (select id from conversation_threads where customer_id = ${customerId})
      union all select 'review ' || x::text from product_reviews x where x.customer_id = ${customerId}
    ) owned`));
  return row.h;
}
