/**
 * Idempotent demo data: `seed(db)` inserts what is missing (found by natural key) and never touches
 * rows that already exist, so running it again changes nothing. Everything runs in one transaction.
 * Relative imports only: this runs under tsx (db/cli.ts) as well as inside the app and tests.
 */
import { count, inArray, sql, sum } from 'drizzle-orm';
import { hashPassword } from '../lib/auth/password';
import { recomputeAllSegments } from '../lib/insight/segments';
import { earnOnOrder } from '../lib/loyalty/order-events';
import { priceCart, type PriceLineInput } from '../lib/pricing';
import { getPricingConfig } from '../lib/settings/pricing-config';
import { seedDefaultSettings } from '../lib/settings/settings';
import { utcToZonedLocal, zonedLocalToUtc } from '../lib/time/zoned';
import type { Db, Tx } from './client';
import {
  categories,
  customers,
  locations,
  orderEvents,
  orderLines,
  orders,
  payments,
  products,
  stockLevels,
  stockMovements,
  users,
  variants,
} from './schema';
import {
  CATEGORIES,
  CUSTOMERS,
  DEMO_PASSWORD,
  LOCATIONS,
  ORDER_HISTORY,
  PRODUCTS,
  STAFF,
  STOCK,
  VARIANTS,
  variantLabel,
  type OrderSeed,
} from './seed-data';

export interface SeedSummary {
  locations: number;
  categories: number;
  products: number;
  variants: number;
  users: number;
  customers: number;
  orders: number;
  /** Units on hand over all locations. */
  stockUnits: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

function idMap<K extends string>(rows: { key: K | null; id: number }[]): Map<K, number> {
  return new Map(rows.filter((r) => r.key !== null).map((r) => [r.key as K, r.id]));
}

function need<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed: ${what} "${String(key)}" not found`);
  return value;
}

/** Inserts in slices, so no statement exceeds the driver's parameter limit. */
async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** A deterministic six-digit pickup code for a seeded order. */
function pickupCodeOf(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return String(100000 + ((h >>> 0) % 900000));
}

/** Placed `daysAgo` days before `now`, at `hour` o'clock shop time (Europe/Amsterdam). */
function placedAtOf(order: OrderSeed, now: Date): Date {
  const date = utcToZonedLocal(new Date(now.getTime() - order.daysAgo * DAY_MS)).slice(0, 10);
  const minute = String((order.daysAgo * 7) % 60).padStart(2, '0');
  return zonedLocalToUtc(`${date}T${String(order.hour).padStart(2, '0')}:${minute}`);
}

export async function seed(db: Db): Promise<SeedSummary> {
  // Hash outside the transaction (bcrypt is slow) and only for accounts that do not exist yet.
  const accountEmails = [
    ...STAFF.map((s) => s.email),
    ...CUSTOMERS.filter((c) => c.account).map((c) => c.email),
  ];
  const existingUsers = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, accountEmails));
  const existing = new Set(existingUsers.map((u) => u.email));
  const hashes = new Map<string, string>();
  for (const email of accountEmails) {
    if (!existing.has(email)) hashes.set(email, await hashPassword(DEMO_PASSWORD));
  }

  return db.transaction(async (tx) => {
    const locationIds = await seedLocations(tx);
    const categoryIds = await seedCategories(tx);
    const productIds = await seedProducts(tx, categoryIds);
    const variantIds = await seedVariants(tx, productIds);
    const customerIds = await seedCustomers(tx, locationIds);
    const userIds = await seedUsers(tx, locationIds, customerIds, hashes);
    await seedOrders(tx, { locationIds, categoryIds, productIds, variantIds, customerIds, userIds });
    await seedStock(tx, locationIds, variantIds);
    // The customers' segments (S14) from the seeded history, as a purchase would have left them.
    await recomputeAllSegments(tx);
    await seedDefaultSettings(tx);
    return summarize(tx);
  });
}

async function seedLocations(tx: Tx): Promise<Map<string, number>> {
  await tx
    .insert(locations)
    .values(LOCATIONS.map((l) => ({ ...l })))
    .onConflictDoNothing({ target: locations.code });
  const rows = await tx
    .select({ key: locations.code, id: locations.id })
    .from(locations)
    .where(
      inArray(
        locations.code,
        LOCATIONS.map((l) => l.code),
      ),
    );
  return idMap(rows);
}

async function seedCategories(tx: Tx): Promise<Map<string, number>> {
  await tx
    .insert(categories)
    .values(CATEGORIES.map(({ slug, nameEn, nameNl, sortOrder }) => ({ slug, nameEn, nameNl, sortOrder })))
    .onConflictDoNothing({ target: categories.slug });
  const rows = await tx
    .select({ key: categories.slug, id: categories.id })
    .from(categories)
    .where(
      inArray(
        categories.slug,
        CATEGORIES.map((c) => c.slug),
      ),
    );
  return idMap(rows);
}

async function seedProducts(tx: Tx, categoryIds: Map<string, number>): Promise<Map<string, number>> {
  await tx
    .insert(products)
    .values(
      PRODUCTS.map((p) => ({
        slug: p.slug,
        categoryId: need(categoryIds, p.category, 'category'),
        brand: p.brand,
        nameEn: p.nameEn,
        nameNl: p.nameNl,
        descriptionEn: p.descriptionEn,
        descriptionNl: p.descriptionNl,
        taxClass: p.taxClass,
        imagePath: p.imagePath,
      })),
    )
    .onConflictDoNothing({ target: products.slug });
  const rows = await tx
    .select({ key: products.slug, id: products.id })
    .from(products)
    .where(
      inArray(
        products.slug,
        PRODUCTS.map((p) => p.slug),
      ),
    );
  return idMap(rows);
}

async function seedVariants(tx: Tx, productIds: Map<string, number>): Promise<Map<string, number>> {
  await insertChunked(VARIANTS, 100, (chunk) =>
    tx
      .insert(variants)
      .values(
        chunk.map((v) => ({
          productId: need(productIds, v.productSlug, 'product'),
          sku: v.sku,
          ean: v.ean,
          size: v.size,
          color: v.color,
          priceCents: v.priceCents,
        })),
      )
      // Either unique key (sku or ean) already taken: leave the existing row alone.
      .onConflictDoNothing(),
  );
  const rows = await tx
    .select({ key: variants.sku, id: variants.id })
    .from(variants)
    .where(
      inArray(
        variants.sku,
        VARIANTS.map((v) => v.sku),
      ),
    );
  return idMap(rows);
}

async function seedCustomers(tx: Tx, locationIds: Map<string, number>): Promise<Map<string, number>> {
  await tx
    .insert(customers)
    .values(
      CUSTOMERS.map((c) => ({
        email: c.email,
        phone: c.phone,
        name: c.name,
        loyaltyCardNumber: c.loyaltyCardNumber,
        preferredLocationId: need(locationIds, c.preferredStore, 'location'),
        notifyByEmail: c.notifyByEmail,
        notifyBySms: c.notifyBySms,
        marketingOptIn: c.marketingOptIn,
      })),
    )
    .onConflictDoNothing();
  const rows = await tx
    .select({ key: customers.email, id: customers.id })
    .from(customers)
    .where(
      inArray(
        customers.email,
        CUSTOMERS.map((c) => c.email),
      ),
    );
  const byEmail = idMap(rows);
  // Keyed by the short customer key ('anna', …) for the order history.
  return new Map(CUSTOMERS.map((c) => [c.key, need(byEmail, c.email, 'customer')]));
}

async function seedUsers(
  tx: Tx,
  locationIds: Map<string, number>,
  customerIds: Map<string, number>,
  hashes: Map<string, string>,
): Promise<Map<string, number>> {
  const rows = [
    ...STAFF.map((s) => ({
      email: s.email,
      name: s.name,
      role: s.role,
      locationId: s.store ? need(locationIds, s.store, 'location') : null,
      customerId: null,
      locale: s.locale,
    })),
    ...CUSTOMERS.filter((c) => c.account).map((c) => ({
      email: c.email,
      name: c.name,
      role: 'customer' as const,
      locationId: null,
      customerId: need(customerIds, c.key, 'customer'),
      locale: c.locale,
      // The demo shoppers confirmed their address when they signed up (their histories are theirs).
      emailVerifiedAt: new Date('2025-01-06T09:00:00Z'),
    })),
  ];
  const missing = rows.filter((r) => hashes.has(r.email));
  if (missing.length > 0) {
    await tx
      .insert(users)
      .values(missing.map((r) => ({ ...r, passwordHash: hashes.get(r.email)! })))
      .onConflictDoNothing();
  }
  const found = await tx
    .select({ key: users.email, id: users.id })
    .from(users)
    .where(
      inArray(
        users.email,
        rows.map((r) => r.email),
      ),
    );
  return idMap(found);
}

interface Ids {
  locationIds: Map<string, number>;
  categoryIds: Map<string, number>;
  productIds: Map<string, number>;
  variantIds: Map<string, number>;
  customerIds: Map<string, number>;
  userIds: Map<string, number>;
}

type EventStep = {
  type: 'placed' | 'paid' | 'shipped' | 'delivered' | 'ready_for_pickup' | 'collected' | 'completed';
  from: 'pending_payment' | 'paid' | 'shipped' | 'ready_for_pickup' | null;
  to: 'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'ready_for_pickup' | 'collected' | 'completed';
  afterMs: number;
  by: 'customer' | 'clerk' | 'system';
};

function stepsOf(order: OrderSeed): EventStep[] {
  const placed: EventStep = {
    type: 'placed',
    from: null,
    to: 'pending_payment',
    afterMs: 0,
    by: order.channel === 'web' ? 'customer' : 'clerk',
  };
  const paid: EventStep = {
    type: 'paid',
    from: 'pending_payment',
    to: 'paid',
    afterMs: 2 * MINUTE_MS,
    by: order.channel === 'web' ? 'system' : 'clerk',
  };
  switch (order.fulfilment) {
    case 'delivery':
      return [
        placed,
        paid,
        { type: 'shipped', from: 'paid', to: 'shipped', afterMs: 20 * 60 * MINUTE_MS, by: 'system' },
        { type: 'delivered', from: 'shipped', to: 'delivered', afterMs: 44 * 60 * MINUTE_MS, by: 'system' },
      ];
    case 'pickup':
      return [
        placed,
        paid,
        {
          type: 'ready_for_pickup',
          from: 'paid',
          to: 'ready_for_pickup',
          afterMs: 5 * 60 * MINUTE_MS,
          by: 'clerk',
        },
        {
          type: 'collected',
          from: 'ready_for_pickup',
          to: 'collected',
          afterMs: 30 * 60 * MINUTE_MS,
          by: 'clerk',
        },
      ];
    case 'in_store':
      return [
        placed,
        paid,
        { type: 'completed', from: 'paid', to: 'completed', afterMs: 3 * MINUTE_MS, by: 'clerk' },
      ];
  }
}

async function seedOrders(tx: Tx, ids: Ids): Promise<void> {
  const keys = ORDER_HISTORY.map((o) => o.key);
  const done = new Set(
    (
      await tx.select({ key: orders.idempotencyKey }).from(orders).where(inArray(orders.idempotencyKey, keys))
    ).map((r) => r.key),
  );
  // Oldest first, so order numbers increase with time like real ones.
  const todo = ORDER_HISTORY.filter((o) => !done.has(o.key)).sort((a, b) => b.daysAgo - a.daysAgo);
  if (todo.length === 0) return;

  const now = new Date();
  // The VAT rates and delivery fee in settings (the defaults on a fresh database), read once.
  const pricing = await getPricingConfig(tx);
  const variantBySku = new Map(VARIANTS.map((v) => [v.sku, v]));
  const productBySlug = new Map(PRODUCTS.map((p) => [p.slug, p]));
  const warehouseId = need(ids.locationIds, 'WH', 'location');
  const clerkOf = (store: string) => {
    const clerk = STAFF.find((s) => s.role === 'clerk' && s.store === store);
    return clerk ? (ids.userIds.get(clerk.email) ?? null) : null;
  };

  for (const order of todo) {
    const customer = CUSTOMERS.find((c) => c.key === order.customer);
    if (!customer) throw new Error(`seed: unknown customer ${order.customer} in ${order.key}`);
    const customerId = need(ids.customerIds, customer.key, 'customer');
    const customerUserId = customer.account ? (ids.userIds.get(customer.email) ?? null) : null;
    const storeId = order.store ? need(ids.locationIds, order.store, 'location') : null;
    const clerkUserId = order.store ? clerkOf(order.store) : null;
    const placedAt = placedAtOf(order, now);

    const seedLines = order.lines.map((line) => {
      const variant = need(variantBySku, line.sku, 'variant');
      const product = need(productBySlug, variant.productSlug, 'product');
      return { line, variant, product };
    });
    const priceInput: PriceLineInput[] = seedLines.map(({ line, variant, product }) => ({
      variantId: need(ids.variantIds, variant.sku, 'variant'),
      productId: need(ids.productIds, product.slug, 'product'),
      categoryId: need(ids.categoryIds, product.category, 'category'),
      quantity: line.quantity,
      unitPriceCents: variant.priceCents,
      taxClass: product.taxClass,
    }));
    // The one price function, without promotions: history at catalogue prices.
    const priced = priceCart(priceInput, [], {
      channel: order.channel,
      now: placedAt,
      fulfilment: order.fulfilment,
      pricing,
    });

    const prefix = order.channel === 'web' ? 'W-' : 'S-';
    const [inserted] = await tx
      .insert(orders)
      .values({
        number: sql`${prefix} || nextval('order_number_seq')`,
        channel: order.channel,
        fulfilment: order.fulfilment,
        status: order.status,
        stockLocationId: order.fulfilment === 'delivery' ? warehouseId : storeId!,
        pickupLocationId: order.fulfilment === 'pickup' ? storeId : null,
        customerId,
        placedByUserId: order.channel === 'web' ? customerUserId : clerkUserId,
        email: customer.email,
        phone: customer.phone,
        customerName: customer.name,
        shippingAddress:
          order.fulfilment === 'delivery' ? { name: customer.name, ...customer.address } : null,
        subtotalCents: priced.subtotalCents,
        discountCents: priced.discountCents,
        shippingCents: priced.shippingCents,
        totalCents: priced.totalCents,
        vatCents: priced.vatCents,
        vatBreakdown: priced.vat.map((v) => ({
          rateBp: v.rateBp,
          grossCents: v.grossCents,
          vatCents: v.vatCents,
        })),
        pickupCode: order.fulfilment === 'pickup' ? pickupCodeOf(order.key) : null,
        idempotencyKey: order.key,
        placedAt,
        createdAt: placedAt,
        updatedAt: placedAt,
      })
      .onConflictDoNothing({ target: orders.idempotencyKey })
      .returning({ id: orders.id });
    if (!inserted) continue; // another run got there first

    await tx.insert(orderLines).values(
      priced.lines.map((pl, i) => ({
        orderId: inserted.id,
        variantId: pl.variantId,
        sku: seedLines[i].variant.sku,
        productName: seedLines[i].product.nameEn,
        variantLabel: variantLabel(seedLines[i].variant),
        quantity: pl.quantity,
        unitPriceCents: pl.unitPriceCents,
        discountCents: pl.discountCents,
        lineTotalCents: pl.lineTotalCents,
        vatRateBp: pl.vatRateBp,
        vatCents: pl.vatCents,
      })),
    );

    const actor = { customer: customerUserId, clerk: clerkUserId, system: null };
    await tx.insert(orderEvents).values(
      stepsOf(order).map((step) => ({
        orderId: inserted.id,
        type: step.type,
        fromStatus: step.from,
        toStatus: step.to,
        actorUserId: actor[step.by],
        createdAt: new Date(placedAt.getTime() + step.afterMs),
      })),
    );

    const paidAt = new Date(placedAt.getTime() + 2 * MINUTE_MS);
    const tendered = order.payment === 'cash' ? Math.ceil(priced.totalCents / 1000) * 1000 : null;
    await tx
      .insert(payments)
      .values({
        orderId: inserted.id,
        method: order.payment,
        status: 'succeeded',
        amountCents: priced.totalCents,
        tenderedCents: tendered,
        changeCents: tendered === null ? null : tendered - priced.totalCents,
        providerReference:
          order.payment === 'test_provider' ? `tp_seed_${order.key.replaceAll(':', '_')}` : null,
        idempotencyKey: `${order.key}:payment`,
        createdAt: paidAt,
        updatedAt: paidAt,
      })
      .onConflictDoNothing({ target: payments.idempotencyKey });
    // The points this paid order earned, as the live flow credits them (rate from settings, once per order).
    await earnOnOrder(tx, inserted.id, { at: paidAt });
  }
}

/**
 * Opening stock: a level is only inserted where none exists, and each inserted level with units on
 * hand gets its 'receipt' movement in the same transaction, so the ledger sums equal the levels.
 * (A level of 0 needs no movement: the empty sum is 0.)
 */
async function seedStock(
  tx: Tx,
  locationIds: Map<string, number>,
  variantIds: Map<string, number>,
): Promise<void> {
  const rows = STOCK.map((s) => ({
    variantId: need(variantIds, s.sku, 'variant'),
    locationId: need(locationIds, s.location, 'location'),
    onHand: s.onHand,
  }));
  const inserted: { variantId: number; locationId: number; onHand: number }[] = [];
  await insertChunked(rows, 250, async (chunk) => {
    const got = await tx
      .insert(stockLevels)
      .values(chunk)
      .onConflictDoNothing({ target: [stockLevels.variantId, stockLevels.locationId] })
      .returning({
        variantId: stockLevels.variantId,
        locationId: stockLevels.locationId,
        onHand: stockLevels.onHand,
      });
    inserted.push(...got);
  });
  const movements = inserted
    .filter((l) => l.onHand > 0)
    .map((l) => ({
      variantId: l.variantId,
      locationId: l.locationId,
      onHandDelta: l.onHand,
      reason: 'receipt' as const,
      reference: 'seed',
    }));
  await insertChunked(movements, 250, (chunk) => tx.insert(stockMovements).values(chunk));
}

async function summarize(tx: Tx): Promise<SeedSummary> {
  const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  const [stock] = await tx.select({ units: sum(stockLevels.onHand) }).from(stockLevels);
  return {
    locations: await n(tx.select({ n: count() }).from(locations)),
    categories: await n(tx.select({ n: count() }).from(categories)),
    products: await n(tx.select({ n: count() }).from(products)),
    variants: await n(tx.select({ n: count() }).from(variants)),
    users: await n(tx.select({ n: count() }).from(users)),
    customers: await n(tx.select({ n: count() }).from(customers)),
    orders: await n(tx.select({ n: count() }).from(orders)),
    stockUnits: Number(stock?.units ?? 0),
  };
}
