import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { publishLive } from '@/lib/live/publish';
import { products, stockLevels, stockMovements, variants, type StockMovementReason } from '@/db/schema';
import { DomainError } from '@/lib/errors';

// Stock is a ledger (DESIGN invariant 3): every function here is ONE conditional statement on
// stock_levels plus ONE stock_movements row, both on the caller's handle so they commit together.
// Decrements are guarded in the WHERE clause, never by reading first: under READ COMMITTED Postgres
// re-checks the WHERE against the newest row version after waiting for a concurrent writer, so two
// buyers of the last unit cannot both succeed. The CHECK constraints are the last line of defence.

export interface StockChangeInput {
  variantId: number;
  locationId: number;
  /** Positive whole number of units. */
  quantity: number;
  /** What caused it, e.g. an order number; shown in the ledger. */
  reference?: string | null;
  actorUserId?: number | null;
  /** Language of the product name in an error message. */
  locale?: 'nl' | 'en';
  /** Staff adjustments only: why the count changed, and what they wrote with it (the ledger shows both). */
  adjustmentReason?: 'count' | 'damage' | 'found' | 'correction' | null;
  note?: string | null;
}

export interface StockLevelResult {
  variantId: number;
  locationId: number;
  onHand: number;
  reserved: number;
  available: number;
}

export type AdjustReason = Extract<StockMovementReason, 'adjustment' | 'receipt' | 'return'>;

export type AdjustStockInput = Omit<StockChangeInput, 'quantity'> & { reason: AdjustReason } & (
    | { delta: number; setOnHand?: undefined }
    | { setOnHand: number; delta?: undefined }
  );

const levelColumns = {
  variantId: stockLevels.variantId,
  locationId: stockLevels.locationId,
  onHand: stockLevels.onHand,
  reserved: stockLevels.reserved,
};

function matches(input: { variantId: number; locationId: number }): SQL {
  return and(eq(stockLevels.variantId, input.variantId), eq(stockLevels.locationId, input.locationId)) as SQL;
}

function assertQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
}

function withAvailable(row: Omit<StockLevelResult, 'available'>): StockLevelResult {
  return { ...row, available: row.onHand - row.reserved };
}

async function recordMovement(
  db: DbOrTx,
  input: Omit<StockChangeInput, 'quantity'>,
  reason: StockMovementReason,
  onHandDelta: number,
  reservedDelta: number,
): Promise<void> {
  await db.insert(stockMovements).values({
    variantId: input.variantId,
    locationId: input.locationId,
    onHandDelta,
    reservedDelta,
    reason,
    reference: input.reference ?? null,
    adjustmentReason: input.adjustmentReason ?? null,
    note: input.note ?? null,
    actorUserId: input.actorUserId ?? null,
  });
  // Product pages showing this variant re-read its stock once the change commits (S5).
  await publishLive(db, { topic: `stock:${input.variantId}` });
}

/**
 * Builds the DomainError for a refused decrement. Runs only on the failure path, so the happy path
 * stays one statement. A missing stock_levels row counts as 0 available.
 */
export async function outOfStockError(
  db: DbOrTx,
  input: { variantId: number; locationId: number; locale?: 'nl' | 'en' },
): Promise<DomainError> {
  const [row] = await db
    .select({
      nameEn: products.nameEn,
      nameNl: products.nameNl,
      size: variants.size,
      color: variants.color,
      sku: variants.sku,
      // Plain SQL names: drizzle leaves columns unqualified in some sub-selects, which is ambiguous.
      available: sql<number | null>`(select sl.on_hand - sl.reserved from stock_levels sl
        where sl.variant_id = ${input.variantId} and sl.location_id = ${input.locationId})`,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variants.id, input.variantId));
  if (!row) return new DomainError('notFound');
  const label = [row.size, row.color].filter(Boolean).join(' / ');
  const base = input.locale === 'en' ? row.nameEn : row.nameNl;
  return new DomainError('outOfStock', {
    name: label ? `${base} (${label})` : base,
    available: Math.max(0, Number(row.available ?? 0)),
  });
}

/** Reserves units for an order (reserved +). Needs available ≥ quantity, else DomainError('outOfStock'). */
export async function reserveStock(db: DbOrTx, input: StockChangeInput): Promise<StockLevelResult> {
  assertQuantity(input.quantity);
  const [row] = await db
    .update(stockLevels)
    .set({ reserved: sql`${stockLevels.reserved} + ${input.quantity}`, updatedAt: sql`now()` })
    .where(and(matches(input), sql`${stockLevels.onHand} - ${stockLevels.reserved} >= ${input.quantity}`))
    .returning(levelColumns);
  if (!row) throw await outOfStockError(db, input);
  await recordMovement(db, input, 'reservation', 0, input.quantity);
  return withAvailable(row);
}

/**
 * Gives reserved units back to the available stock (reserved −), e.g. an order is cancelled.
 * Releasing more than is reserved is a bug in the caller: DomainError('invalidState').
 */
export async function releaseStock(db: DbOrTx, input: StockChangeInput): Promise<StockLevelResult> {
  assertQuantity(input.quantity);
  const [row] = await db
    .update(stockLevels)
    .set({ reserved: sql`${stockLevels.reserved} - ${input.quantity}`, updatedAt: sql`now()` })
    .where(and(matches(input), sql`${stockLevels.reserved} >= ${input.quantity}`))
    .returning(levelColumns);
  if (!row) throw new DomainError('invalidState');
  await recordMovement(db, input, 'release', 0, -input.quantity);
  return withAvailable(row);
}

/**
 * Reserved goods leave the building (collected or shipped): on_hand − and reserved −.
 * Committing more than is reserved is a bug in the caller: DomainError('invalidState').
 */
export async function commitReservedStock(db: DbOrTx, input: StockChangeInput): Promise<StockLevelResult> {
  return takeReservedStock(db, input, 'commit');
}

/**
 * A transfer leaves its origin: the units reserved for it at request time go (on_hand −, reserved −),
 * recorded as 'transfer_out'. Shipping more than is reserved is a bug in the caller: DomainError('invalidState').
 */
export async function shipReservedStock(db: DbOrTx, input: StockChangeInput): Promise<StockLevelResult> {
  return takeReservedStock(db, input, 'transfer_out');
}

/** Reserved units leave the location (on_hand −, reserved −), in one conditional UPDATE, recorded as `reason`. */
async function takeReservedStock(db: DbOrTx, input: StockChangeInput, reason: 'commit' | 'transfer_out'): Promise<StockLevelResult> {
  assertQuantity(input.quantity);
  const [row] = await db
    .update(stockLevels)
    .set({
      onHand: sql`${stockLevels.onHand} - ${input.quantity}`,
      reserved: sql`${stockLevels.reserved} - ${input.quantity}`,
      updatedAt: sql`now()`,
    })
    .where(and(matches(input), sql`${stockLevels.reserved} >= ${input.quantity}`))
    .returning(levelColumns);
  if (!row) throw new DomainError('invalidState');
  await recordMovement(db, input, reason, -input.quantity, -input.quantity);
  return withAvailable(row);
}

/** A transfer arrives: the counted units join the destination's stock (on_hand +, the row is created when missing). */
export async function receiveTransferredStock(db: DbOrTx, input: StockChangeInput): Promise<StockLevelResult> {
  assertQuantity(input.quantity);
  const [row] = await db
    .insert(stockLevels)
    .values({ variantId: input.variantId, locationId: input.locationId, onHand: input.quantity })
    .onConflictDoUpdate({
      target: [stockLevels.variantId, stockLevels.locationId],
      set: { onHand: sql`${stockLevels.onHand} + ${input.quantity}`, updatedAt: sql`now()` },
    })
    .returning(levelColumns);
  await recordMovement(db, input, 'transfer_in', input.quantity, 0);
  return withAvailable(row);
}

/** Counter sale: goods leave at once (on_hand −). Needs available ≥ quantity, else DomainError('outOfStock'). */
export async function sellStock(db: DbOrTx, input: StockChangeInput): Promise<StockLevelResult> {
  assertQuantity(input.quantity);
  const [row] = await db
    .update(stockLevels)
    .set({ onHand: sql`${stockLevels.onHand} - ${input.quantity}`, updatedAt: sql`now()` })
    .where(and(matches(input), sql`${stockLevels.onHand} - ${stockLevels.reserved} >= ${input.quantity}`))
    .returning(levelColumns);
  if (!row) throw await outOfStockError(db, input);
  await recordMovement(db, input, 'sale', -input.quantity, 0);
  return withAvailable(row);
}

/**
 * Staff changes to on_hand: a receipt or return (delta > 0), a correction (delta ±) or a stock count
 * (setOnHand). Increments upsert the level (a missing row counts as 0). A decrement or count may not
 * take away reserved units: DomainError('outOfStock') with what is available.
 */
export async function adjustStock(db: DbOrTx, input: AdjustStockInput): Promise<StockLevelResult> {
  if (input.setOnHand !== undefined) return countStock(db, input, input.setOnHand);
  const delta = input.delta;
  if (!Number.isSafeInteger(delta) || delta === 0) throw new RangeError(`delta must be a non-zero integer, got ${delta}`);

  let row: Omit<StockLevelResult, 'available'> | undefined;
  if (delta > 0) {
    [row] = await db
      .insert(stockLevels)
      .values({ variantId: input.variantId, locationId: input.locationId, onHand: delta })
      .onConflictDoUpdate({
        target: [stockLevels.variantId, stockLevels.locationId],
        set: { onHand: sql`${stockLevels.onHand} + ${delta}`, updatedAt: sql`now()` },
      })
      .returning(levelColumns);
  } else {
    [row] = await db
      .update(stockLevels)
      .set({ onHand: sql`${stockLevels.onHand} + ${delta}`, updatedAt: sql`now()` })
      .where(and(matches(input), sql`${stockLevels.onHand} - ${stockLevels.reserved} >= ${-delta}`))
      .returning(levelColumns);
    if (!row) throw await outOfStockError(db, input);
  }
  await recordMovement(db, input, input.reason, delta, 0);
  return withAvailable(row);
}

/**
 * A stock count: on_hand becomes `target`. The movement needs the previous value, so the UPDATE reads
 * it from a row-locking subquery in the same statement (the lock makes it the value being replaced).
 */
async function countStock(db: DbOrTx, input: AdjustStockInput, target: number): Promise<StockLevelResult> {
  if (!Number.isSafeInteger(target) || target < 0) throw new RangeError(`setOnHand must be a non-negative integer, got ${target}`);
  // Make sure the row exists (a no-op when it does) so the count below is a plain conditional update.
  await db
    .insert(stockLevels)
    .values({ variantId: input.variantId, locationId: input.locationId, onHand: 0 })
    .onConflictDoNothing({ target: [stockLevels.variantId, stockLevels.locationId] });
  const previous = db
    .select({ onHand: stockLevels.onHand })
    .from(stockLevels)
    .where(matches(input))
    .for('update')
    .as('previous');
  const [row] = await db
    .update(stockLevels)
    .set({ onHand: target, updatedAt: sql`now()` })
    .from(previous)
    .where(and(matches(input), sql`${target} >= ${stockLevels.reserved}`))
    .returning({ ...levelColumns, previous: sql<number>`${previous.onHand}` });
  if (!row) throw await outOfStockError(db, input);
  const delta = target - Number(row.previous);
  await recordMovement(db, input, input.reason, delta, 0);
  return withAvailable({ variantId: row.variantId, locationId: row.locationId, onHand: row.onHand, reserved: row.reserved });
}
