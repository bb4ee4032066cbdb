// Minimal fixtures for integration tests (imported by *.test.ts only; never by app code).
// Each test file builds what it needs on its own database instead of depending on the demo seed.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  categories,
  customers,
  locations,
  products,
  promotions,
  stockLevels,
  stockMovements,
  users,
  variants,
  type NewPromotion,
  type OpeningHours,
} from '@/db/schema';
import { ean13CheckDigit } from '@/lib/catalog/ean';
import type { Actor } from '@/lib/identity/queries';

const HOURS: OpeningHours = { '1': [['09:00', '18:00']], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] };

/** Every table the domain tests touch, emptied with identities restarted (~ms, unlike a new database). */
export async function resetDatabase(db: DbOrTx): Promise<void> {
  await db.execute(
    sql.raw(
      `truncate table product_reviews, store_credit_entries, store_credit_accounts, refunds, return_lines, returns, audit_log, stock_transfer_lines, stock_transfers, till_movements, loyalty_entries, loyalty_accounts, customer_addresses, cart_handoffs, product_images, price_changes, conversation_messages, conversation_threads, notifications, invoices, invoice_counters, settings, payment_anomalies, payment_webhook_events, payments, email_verification_tokens, rate_limit_hits, sign_in_attempts, order_events, order_lines, orders, cart_lines, carts, till_sessions,
       stock_movements, stock_levels, promotion_redemptions, promotion_customer_usage, promotion_codes, promotions, variants, products, categories, users, customers, locations
       restart identity cascade`,
    ),
  );
}

export async function createLocation(
  db: DbOrTx,
  input: { code: string; kind: 'warehouse' | 'store'; name?: string; city?: string; pickupEnabled?: boolean },
) {
  const [row] = await db
    .insert(locations)
    .values({
      code: input.code,
      name: input.name ?? `Location ${input.code}`,
      kind: input.kind,
      street: 'Teststraat 1',
      postcode: '1011 AB',
      city: input.city ?? 'Amsterdam',
      latitude: 52.37,
      longitude: 4.89,
      openingHours: HOURS,
      pickupEnabled: input.pickupEnabled ?? input.kind === 'store',
    })
    .returning();
  return row;
}

export async function createCategory(db: DbOrTx, slug = 'shoes') {
  const [row] = await db.insert(categories).values({ slug, nameEn: `Cat ${slug}`, nameNl: `Cat-nl ${slug}` }).returning();
  return row;
}

export async function createProduct(
  db: DbOrTx,
  input: { categoryId: number; slug: string; nameEn?: string; nameNl?: string; brand?: string; active?: boolean },
) {
  const [row] = await db
    .insert(products)
    .values({
      slug: input.slug,
      categoryId: input.categoryId,
      brand: input.brand ?? 'Acme',
      nameEn: input.nameEn ?? `Product ${input.slug}`,
      nameNl: input.nameNl ?? `Product-nl ${input.slug}`,
      imagePath: `/images/${input.slug}.svg`,
      active: input.active ?? true,
    })
    .returning();
  return row;
}

let eanCounter = 0;
/** A valid EAN-13 (right check digit: the admin forms and the CSV import refuse others), unique within the test process. */
export function nextEan(): string {
  eanCounter += 1;
  const first12 = `87${String(Date.now() % 1e6).padStart(6, '0')}${String(eanCounter % 10_000).padStart(4, '0')}`;
  return `${first12}${ean13CheckDigit(first12)}`;
}

export async function createVariant(
  db: DbOrTx,
  input: { productId: number; sku: string; priceCents: number; ean?: string; size?: string; color?: string; active?: boolean },
) {
  const [row] = await db
    .insert(variants)
    .values({
      productId: input.productId,
      sku: input.sku,
      ean: input.ean ?? nextEan(),
      size: input.size ?? '42',
      color: input.color ?? 'black',
      priceCents: input.priceCents,
      active: input.active ?? true,
    })
    .returning();
  return row;
}

/** Opening stock as the seed writes it: a level and its matching 'receipt' movement. */
export async function receiveStock(db: DbOrTx, variantId: number, locationId: number, quantity: number) {
  await db
    .insert(stockLevels)
    .values({ variantId, locationId, onHand: quantity })
    .onConflictDoUpdate({
      target: [stockLevels.variantId, stockLevels.locationId],
      set: { onHand: sql`${stockLevels.onHand} + ${quantity}` },
    });
  await db.insert(stockMovements).values({ variantId, locationId, onHandDelta: quantity, reason: 'receipt', reference: 'fixture' });
}

export async function createStaff(
  db: DbOrTx,
  input: { role: 'clerk' | 'admin'; email: string; locationId?: number | null },
): Promise<Actor> {
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.email.split('@')[0], passwordHash: 'x', role: input.role, locationId: input.locationId ?? null })
    .returning();
  return actorOf(row);
}

/** A customer profile with a signed-in account. */
export async function createCustomerActor(db: DbOrTx, email: string): Promise<Actor> {
  const [profile] = await db.insert(customers).values({ email, name: email.split('@')[0] }).returning();
  const [row] = await db
    .insert(users)
    .values({ email, name: profile.name, passwordHash: 'x', role: 'customer', customerId: profile.id })
    .returning();
  return actorOf(row);
}

function actorOf(row: typeof users.$inferSelect): Actor {
  return {
    userId: row.id,
    role: row.role,
    email: row.email,
    name: row.name,
    locationId: row.locationId,
    customerId: row.customerId,
    sessionVersion: row.sessionVersion,
  };
}

export async function createPromotionRow(db: DbOrTx, values: Omit<NewPromotion, 'id'>) {
  const [row] = await db.insert(promotions).values(values).returning();
  return row;
}

/**
 * The usual shop: a warehouse, two pickup stores, one category, one product with one variant (€ 50,00)
 * and stock { warehouse: 10, storeA: 3, storeB: 0 } unless given.
 */
export async function createShop(db: DbOrTx, stock: { warehouse?: number; storeA?: number; storeB?: number } = {}) {
  const warehouse = await createLocation(db, { code: 'WH', kind: 'warehouse', name: 'Warehouse' });
  const storeA = await createLocation(db, { code: 'AMS', kind: 'store', name: 'Store Amsterdam' });
  const storeB = await createLocation(db, { code: 'UTR', kind: 'store', name: 'Store Utrecht', city: 'Utrecht' });
  const category = await createCategory(db);
  const product = await createProduct(db, { categoryId: category.id, slug: 'trail-runner', nameEn: 'Trail Runner', nameNl: 'Trailloper' });
  const variant = await createVariant(db, { productId: product.id, sku: 'TR-42-BLK', priceCents: 5000 });
  const levels = { warehouse: 10, storeA: 3, storeB: 0, ...stock };
  if (levels.warehouse) await receiveStock(db, variant.id, warehouse.id, levels.warehouse);
  if (levels.storeA) await receiveStock(db, variant.id, storeA.id, levels.storeA);
  if (levels.storeB) await receiveStock(db, variant.id, storeB.id, levels.storeB);
  return { warehouse, storeA, storeB, category, product, variant };
}
