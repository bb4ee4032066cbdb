import 'server-only';
import { aliasedTable, and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations, orders, products, stockTransferLines, stockTransfers, variants, type TransferStatus } from '@/db/schema';

export const TRANSFER_STATUSES = ['requested', 'in_transit', 'received', 'cancelled'] as const satisfies readonly TransferStatus[];

export interface TransferSummaryDto {
  id: number;
  number: string;
  status: TransferStatus;
  fromLocationId: number;
  fromName: string;
  toLocationId: number;
  toName: string;
  orderNumber: string | null;
  units: number;
  receivedUnits: number | null;
  createdAt: Date;
  shippedAt: Date | null;
  receivedAt: Date | null;
}

export interface TransferLineDto {
  id: number;
  variantId: number;
  sku: string;
  productName: string;
  variantLabel: string;
  quantity: number;
  receivedQuantity: number | null;
}

export interface TransferDetailDto extends TransferSummaryDto {
  note: string | null;
  lines: TransferLineDto[];
}

const fromLoc = aliasedTable(locations, 'from_loc');
const toLoc = aliasedTable(locations, 'to_loc');

function summaries(db: DbOrTx) {
  return db
    .select({
      id: stockTransfers.id,
      number: stockTransfers.number,
      status: stockTransfers.status,
      fromLocationId: stockTransfers.fromLocationId,
      fromName: fromLoc.name,
      toLocationId: stockTransfers.toLocationId,
      toName: toLoc.name,
      orderNumber: orders.number,
      units: sql<number>`(select coalesce(sum(l.quantity), 0) from stock_transfer_lines l where l.transfer_id = ${stockTransfers.id})`.mapWith(Number),
      receivedUnits: sql<number | null>`(select sum(l.received_quantity) from stock_transfer_lines l where l.transfer_id = ${stockTransfers.id})`,
      createdAt: stockTransfers.createdAt,
      shippedAt: stockTransfers.shippedAt,
      receivedAt: stockTransfers.receivedAt,
      note: stockTransfers.note,
    })
    .from(stockTransfers)
    .innerJoin(fromLoc, eq(fromLoc.id, stockTransfers.fromLocationId))
    .innerJoin(toLoc, eq(toLoc.id, stockTransfers.toLocationId))
    .leftJoin(orders, eq(orders.id, stockTransfers.orderId));
}

const toSummary = ({ note: _note, receivedUnits, ...r }: Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number]): TransferSummaryDto => ({
  ...r,
  receivedUnits: receivedUnits === null ? null : Number(receivedUnits),
});

/** Transfers for the admin list, newest first, optionally of one status or touching one location. */
export async function listTransfers(
  db: DbOrTx,
  options: { status?: TransferStatus; locationId?: number; limit: number; offset: number },
): Promise<{ rows: TransferSummaryDto[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  if (options.status) conditions.push(eq(stockTransfers.status, options.status));
  if (options.locationId) conditions.push(or(eq(stockTransfers.fromLocationId, options.locationId), eq(stockTransfers.toLocationId, options.locationId)));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    summaries(db).where(where).orderBy(desc(stockTransfers.createdAt), desc(stockTransfers.id)).limit(options.limit).offset(options.offset),
    db.select({ total: count() }).from(stockTransfers).where(where),
  ]);
  return { rows: rows.map(toSummary), total: Number(total) };
}

/** One transfer with its lines (names in `locale`). */
export async function getTransfer(db: DbOrTx, id: number, locale: 'nl' | 'en'): Promise<TransferDetailDto | null> {
  const [row] = await summaries(db).where(eq(stockTransfers.id, id));
  if (!row) return null;
  const [detail] = await attachLines(db, [row], locale);
  return detail;
}

async function attachLines(db: DbOrTx, rows: Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>, locale: 'nl' | 'en'): Promise<TransferDetailDto[]> {
  if (rows.length === 0) return [];
  const lines = await db
    .select({
      transferId: stockTransferLines.transferId,
      id: stockTransferLines.id,
      variantId: stockTransferLines.variantId,
      sku: variants.sku,
      productName: locale === 'en' ? products.nameEn : products.nameNl,
      size: variants.size,
      color: variants.color,
      quantity: stockTransferLines.quantity,
      receivedQuantity: stockTransferLines.receivedQuantity,
    })
    .from(stockTransferLines)
    .innerJoin(variants, eq(variants.id, stockTransferLines.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .where(inArray(stockTransferLines.transferId, rows.map((r) => r.id)))
    .orderBy(asc(stockTransferLines.id));
  return rows.map((r) => ({
    ...toSummary(r),
    note: r.note,
    lines: lines
      .filter((l) => l.transferId === r.id)
      .map(({ transferId: _t, size, color, ...l }) => ({ ...l, variantLabel: [size, color].filter(Boolean).join(' / ') })),
  }));
}

/**
 * A store's open transfers for the counter: incoming (to receive) and outgoing (to ship or on their
 * way), with lines; and the last few received here. Always ONE store, the clerk's.
 */
export async function listStoreTransfers(db: DbOrTx, storeId: number, locale: 'nl' | 'en') {
  const open = inArray(stockTransfers.status, ['requested', 'in_transit']);
  const [incoming, outgoing, received] = await Promise.all([
    summaries(db).where(and(eq(stockTransfers.toLocationId, storeId), open)).orderBy(asc(stockTransfers.createdAt)),
    summaries(db).where(and(eq(stockTransfers.fromLocationId, storeId), open)).orderBy(asc(stockTransfers.createdAt)),
    summaries(db).where(and(eq(stockTransfers.toLocationId, storeId), eq(stockTransfers.status, 'received'))).orderBy(desc(stockTransfers.receivedAt)).limit(10),
  ]);
  const [inc, out] = await Promise.all([attachLines(db, incoming, locale), attachLines(db, outgoing, locale)]);
  return { incoming: inc, outgoing: out, received: received.map(toSummary) };
}

/** Variant ids by SKU (exact, case-insensitive), for the admin's transfer form. */
export async function variantIdsBySku(db: DbOrTx, skus: string[]): Promise<Map<string, number>> {
  if (skus.length === 0) return new Map();
  const rows = await db
    .select({ id: variants.id, sku: variants.sku })
    .from(variants)
    .where(inArray(sql`upper(${variants.sku})`, skus.map((s) => s.toUpperCase())));
  return new Map(rows.map((r) => [r.sku.toUpperCase(), r.id]));
}
