import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { locations, orderEvents, stockTransferLines, stockTransfers, variants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { receiveTransferredStock, releaseStock, reserveStock, shipReservedStock } from '@/lib/inventory/mutations';
import { completeOrderTransfer } from './order-link';

// Stock transfers between locations. The rule (decided here, tested in transfers.test.ts):
// - REQUEST reserves the units at the origin (reason 'reservation', reference T-…): from then on they
//   cannot be sold there, and two requests for the last units cannot both succeed (conditional update).
// - SHIP commits that reservation: on hand at the origin goes down ('transfer_out'). The units are now
//   in transit — in no location's stock, so nothing anywhere can sell them.
// - RECEIVE adds the COUNTED units at the destination ('transfer_in'); a shortfall stays recorded on
//   the line (received < quantity) and is never invented as stock.
// - CANCEL (only before shipping) releases the reservation at the origin.
// Every write is audited; a transfer that belongs to an order also writes that order's events.

export interface TransferLineInput {
  variantId: number;
  quantity: number;
}

export interface RequestTransferInput {
  fromLocationId: number;
  toLocationId: number;
  lines: TransferLineInput[];
  note?: string | null;
  /** Endless aisle: the order waiting for these goods. */
  orderId?: string | null;
  locale?: 'nl' | 'en';
}

function staffOnly(actor: Actor): void {
  if (actor.role !== 'admin' && actor.role !== 'clerk') throw new DomainError('forbidden');
}

/** Admins everywhere; a clerk only at their own store. */
function mayActAt(actor: Actor, locationId: number): boolean {
  return actor.role === 'admin' || (actor.role === 'clerk' && actor.locationId === locationId);
}

/**
 * Requests a transfer and reserves its units at the origin. Quantities of one variant are merged.
 * A clerk may request only from or to their own store (the endless aisle); admins anything.
 * Errors: transferSameLocation, notFound, transferOutOfStock {name, available}, forbidden.
 */
export async function requestTransfer(db: DbOrTx, input: RequestTransferInput, actor: Actor): Promise<{ id: number; number: string }> {
  staffOnly(actor);
  if (input.fromLocationId === input.toLocationId) throw new DomainError('transferSameLocation', {}, 'toLocationId');
  if (!mayActAt(actor, input.fromLocationId) && !mayActAt(actor, input.toLocationId)) throw new DomainError('forbidden');
  const merged = new Map<number, number>();
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1) throw new DomainError('invalidState');
    merged.set(l.variantId, (merged.get(l.variantId) ?? 0) + l.quantity);
  }
  if (merged.size === 0) throw new DomainError('invalidState');
  return db.transaction(async (tx) => {
    const places = await tx.select({ id: locations.id, name: locations.name }).from(locations).where(inArray(locations.id, [input.fromLocationId, input.toLocationId]));
    if (places.length !== 2) throw new DomainError('notFound');
    const [{ n }] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('order_number_seq')::text as n`));
    const number = `T-${n}`;
    const [transfer] = await tx
      .insert(stockTransfers)
      .values({
        number,
        fromLocationId: input.fromLocationId,
        toLocationId: input.toLocationId,
        orderId: input.orderId ?? null,
        note: input.note ?? null,
        requestedByUserId: actor.userId,
      })
      .returning({ id: stockTransfers.id });
    const lines = [...merged].sort(([a], [b]) => a - b); // fixed lock order, as in placeOrder
    await tx.insert(stockTransferLines).values(lines.map(([variantId, quantity]) => ({ transferId: transfer.id, variantId, quantity })));
    for (const [variantId, quantity] of lines) {
      try {
        await reserveStock(tx, { variantId, locationId: input.fromLocationId, quantity, reference: number, actorUserId: actor.userId, locale: input.locale });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'outOfStock') {
          const from = places.find((p) => p.id === input.fromLocationId)!.name;
          throw new DomainError('transferOutOfStock', { ...error.values, location: from });
        }
        throw error;
      }
    }
    const summary = `${number}: ${lines.reduce((s, [, q]) => s + q, 0)} units, ${places.find((p) => p.id === input.fromLocationId)!.name} → ${places.find((p) => p.id === input.toLocationId)!.name}`;
    await recordAudit(tx, actor, { action: 'transfer.requested', entityType: 'stock_transfer', entityId: transfer.id, summary, after: { status: 'requested', lines: lines.length } });
    if (input.orderId) {
      await tx.insert(orderEvents).values({ orderId: input.orderId, type: 'transfer_requested', actorUserId: actor.userId, note: number });
    }
    return { id: transfer.id, number };
  });
}

async function lockTransfer(tx: DbOrTx, transferId: number) {
  const [row] = await tx
    .select({
      id: stockTransfers.id,
      number: stockTransfers.number,
      status: stockTransfers.status,
      fromLocationId: stockTransfers.fromLocationId,
      toLocationId: stockTransfers.toLocationId,
      orderId: stockTransfers.orderId,
    })
    .from(stockTransfers)
    .where(eq(stockTransfers.id, transferId))
    .for('update');
  if (!row) throw new DomainError('notFound');
  const lines = await tx
    .select({ id: stockTransferLines.id, variantId: stockTransferLines.variantId, quantity: stockTransferLines.quantity, sku: variants.sku })
    .from(stockTransferLines)
    .innerJoin(variants, eq(variants.id, stockTransferLines.variantId))
    .where(eq(stockTransferLines.transferId, transferId))
    .orderBy(asc(stockTransferLines.variantId));
  return { ...row, lines };
}

/** requested → in transit: the reserved units leave the origin. Admins, or a clerk of the origin store. */
export async function shipTransfer(db: DbOrTx, transferId: number, actor: Actor): Promise<{ number: string }> {
  staffOnly(actor);
  return db.transaction(async (tx) => {
    const t = await lockTransfer(tx, transferId);
    if (!mayActAt(actor, t.fromLocationId)) throw new DomainError('forbidden');
    if (t.status !== 'requested') throw new DomainError('transferNotRequested');
    await tx
      .update(stockTransfers)
      .set({ status: 'in_transit', shippedByUserId: actor.userId, shippedAt: sql`now()` })
      .where(and(eq(stockTransfers.id, t.id), eq(stockTransfers.status, 'requested')));
    for (const line of t.lines) {
      await shipReservedStock(tx, { variantId: line.variantId, locationId: t.fromLocationId, quantity: line.quantity, reference: t.number, actorUserId: actor.userId });
    }
    await recordAudit(tx, actor, { action: 'transfer.shipped', entityType: 'stock_transfer', entityId: t.id, summary: `${t.number} shipped`, before: { status: 'requested' }, after: { status: 'in_transit' } });
    return { number: t.number };
  });
}

/**
 * in transit → received, with the units counted per line (0 … sent). Only the counted units join the
 * destination's stock; a shortfall stays on the line. Admins, or a clerk of the destination store.
 * A transfer for an endless-aisle order then reserves the goods for it here and, when all arrived,
 * makes it ready for pickup (see order-link.ts). Errors: transferNotInTransit, transferCountMissing,
 * transferCountTooHigh {sku, quantity}, forbidden, notFound.
 */
export async function receiveTransfer(
  db: DbOrTx,
  input: { transferId: number; counts: { lineId: number; received: number }[] },
  actor: Actor,
): Promise<{ number: string; shortfall: number }> {
  staffOnly(actor);
  return db.transaction(async (tx) => {
    const t = await lockTransfer(tx, input.transferId);
    if (!mayActAt(actor, t.toLocationId)) throw new DomainError('forbidden');
    if (t.status !== 'in_transit') throw new DomainError('transferNotInTransit');
    const counted = new Map(input.counts.map((c) => [c.lineId, c.received]));
    if (t.lines.some((l) => !counted.has(l.id)) || counted.size !== t.lines.length) throw new DomainError('transferCountMissing', {}, 'received');
    let shortfall = 0;
    const received: { variantId: number; quantity: number; received: number }[] = [];
    for (const line of t.lines) {
      const n = counted.get(line.id)!;
      if (!Number.isSafeInteger(n) || n < 0) throw new DomainError('transferCountMissing', {}, 'received');
      if (n > line.quantity) throw new DomainError('transferCountTooHigh', { sku: line.sku, quantity: line.quantity }, 'received');
      shortfall += line.quantity - n;
      received.push({ variantId: line.variantId, quantity: line.quantity, received: n });
      await tx.update(stockTransferLines).set({ receivedQuantity: n }).where(eq(stockTransferLines.id, line.id));
      if (n > 0) {
        await receiveTransferredStock(tx, { variantId: line.variantId, locationId: t.toLocationId, quantity: n, reference: t.number, actorUserId: actor.userId });
      }
    }
    await tx
      .update(stockTransfers)
      .set({ status: 'received', receivedByUserId: actor.userId, receivedAt: sql`now()` })
      .where(and(eq(stockTransfers.id, t.id), eq(stockTransfers.status, 'in_transit')));
    await recordAudit(tx, actor, {
      action: 'transfer.received',
      entityType: 'stock_transfer',
      entityId: t.id,
      summary: shortfall > 0 ? `${t.number} received, ${shortfall} short` : `${t.number} received in full`,
      before: { status: 'in_transit' },
      after: { status: 'received', shortfall },
    });
    if (t.orderId) await completeOrderTransfer(tx, { orderId: t.orderId, number: t.number, locationId: t.toLocationId, received, shortfall }, actor);
    return { number: t.number, shortfall };
  });
}

/** requested → cancelled: the reservation at the origin is released. In transit cannot be undone (receive with the count). */
export async function cancelTransfer(db: DbOrTx, transferId: number, actor: Actor): Promise<{ number: string }> {
  staffOnly(actor);
  return db.transaction(async (tx) => {
    const t = await lockTransfer(tx, transferId);
    if (!mayActAt(actor, t.fromLocationId) || (actor.role === 'clerk' && t.orderId)) throw new DomainError('forbidden');
    if (t.status !== 'requested') throw new DomainError('transferNotRequested');
    await tx.update(stockTransfers).set({ status: 'cancelled' }).where(and(eq(stockTransfers.id, t.id), eq(stockTransfers.status, 'requested')));
    for (const line of t.lines) {
      await releaseStock(tx, { variantId: line.variantId, locationId: t.fromLocationId, quantity: line.quantity, reference: t.number, actorUserId: actor.userId });
    }
    await recordAudit(tx, actor, { action: 'transfer.cancelled', entityType: 'stock_transfer', entityId: t.id, summary: `${t.number} cancelled`, before: { status: 'requested' }, after: { status: 'cancelled' } });
    if (t.orderId) await tx.insert(orderEvents).values({ orderId: t.orderId, type: 'note', actorUserId: actor.userId, note: `${t.number} cancelled` });
    return { number: t.number };
  });
}
