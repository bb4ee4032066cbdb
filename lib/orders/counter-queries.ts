import type { DbOrTx } from '@/db/client';
import { getPricedCart, type CartLineView, type PricedCartView } from '@/lib/carts/queries';
import {
  loadPriceLines,
  searchVariants,
  type CatalogLocale,
  type CounterVariantDto,
} from '@/lib/catalog/queries';
import type { Actor } from '@/lib/identity/queries';
import { getAvailability } from '@/lib/inventory/queries';
import { getLocation, listLocations, type LocationDto } from '@/lib/locations/queries';
import { priceUnit, type PricedUnit } from '@/lib/pricing';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { getOrderById, type OrderDetailDto } from './queries';
import { staffMayHandle } from './shared';

// Reads for the store counter: the clerk's store, product search with price and stock, the counter
// cart with stock here, and receipts. Prices always come from lib/pricing (channel 'store').

/**
 * The store the counter works in: a clerk's own store; an admin's chosen store (`chosenStoreId`, from
 * a cookie) when it is a store. Null when there is none — the UI then asks an admin to pick one.
 */
export async function resolveCounterStore(
  db: DbOrTx,
  actor: Pick<Actor, 'role' | 'locationId'>,
  chosenStoreId: number | null,
): Promise<LocationDto | null> {
  const id = actor.role === 'clerk' ? actor.locationId : actor.role === 'admin' ? chosenStoreId : null;
  if (!id) return null;
  const location = await getLocation(db, id);
  return location?.kind === 'store' ? location : null;
}

export interface StockElsewhere {
  locationId: number;
  /** City of a store; the UI labels the warehouse itself. */
  city: string;
  kind: 'warehouse' | 'store';
  available: number;
}

export interface CounterSearchResult extends CounterVariantDto {
  price: PricedUnit;
  stockHere: number;
  /** Other locations that have it, most first. */
  elsewhere: StockElsewhere[];
}

/** Stock of `variantIds` at `storeId` and at every other location with some available. */
async function stockPicture(db: DbOrTx, variantIds: number[], storeId: number) {
  const [levels, locations] = await Promise.all([getAvailability(db, variantIds), listLocations(db)]);
  const byId = new Map(locations.map((l) => [l.id, l]));
  return (variantId: number) => {
    const rows = levels[variantId] ?? [];
    const here = rows.find((r) => r.locationId === storeId)?.available ?? 0;
    const elsewhere = rows
      .filter((r) => r.locationId !== storeId && r.available > 0 && byId.has(r.locationId))
      .map((r) => ({
        locationId: r.locationId,
        city: byId.get(r.locationId)!.city,
        kind: byId.get(r.locationId)!.kind,
        available: r.available,
      }))
      .sort((a, b) => b.available - a.available);
    return { here, elsewhere };
  };
}

/**
 * Sellable variants matching `query` (name, SKU or EAN) with their unit price as the counter charges it
 * (priceUnit, channel 'store', automatic promotions) and stock here and elsewhere.
 */
export async function searchCounterProducts(
  db: DbOrTx,
  options: { query: string; locale: CatalogLocale; storeId: number; now: Date; limit?: number },
): Promise<CounterSearchResult[]> {
  const rows = await searchVariants(db, {
    query: options.query,
    locale: options.locale,
    limit: options.limit ?? 24,
    now: options.now,
  });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.variantId);
  const [lines, promotions, stock] = await Promise.all([
    loadPriceLines(
      db,
      ids.map((variantId) => ({ variantId, quantity: 1 })),
      options.locale,
      options.now,
    ),
    loadPromotionCandidates(db, options.now),
    stockPicture(db, ids, options.storeId),
  ]);
  const lineById = new Map(lines.map((l) => [l.variantId, l]));
  return rows.flatMap((row) => {
    const line = lineById.get(row.variantId);
    if (!line) return [];
    const price = priceUnit(line, promotions, {
      channel: 'store',
      now: options.now,
      locationId: options.storeId,
    });
    const { here, elsewhere } = stock(row.variantId);
    return [{ ...row, price, stockHere: here, elsewhere }];
  });
}

export interface CounterCartLine extends CartLineView {
  stockHere: number;
}

export interface CounterCartView extends Omit<PricedCartView, 'lines'> {
  lines: CounterCartLine[];
  itemCount: number;
}

/** The counter cart priced for an in-store sale, each line with the stock of this store. */
export async function getCounterCartView(
  db: DbOrTx,
  options: { cartId: string; storeId: number; locale: CatalogLocale; now: Date },
): Promise<CounterCartView | null> {
  const view = await getPricedCart(db, options.cartId, {
    now: options.now,
    channel: 'store',
    fulfilment: 'in_store',
    locale: options.locale,
    recordExposure: true,
  });
  if (!view) return null;
  const stock = await stockPicture(
    db,
    view.lines.map((l) => l.variantId),
    options.storeId,
  );
  return {
    ...view,
    lines: view.lines.map((line) => ({ ...line, stockHere: stock(line.variantId).here })),
    itemCount: view.lines.reduce((n, l) => n + l.quantity, 0),
  };
}

export interface CounterReceipt {
  order: OrderDetailDto;
  store: LocationDto;
}

/**
 * A counter sale's receipt: the order snapshot and its store. Null when it does not exist, is not a
 * counter sale, or `actor` is not staff of that store (admins see all) — a clerk cannot tell another
 * store's receipts apart from missing ones.
 */
export async function getCounterReceipt(
  db: DbOrTx,
  orderId: string,
  actor: Actor | null,
): Promise<CounterReceipt | null> {
  const order = await getOrderById(db, orderId);
  if (!order || order.channel !== 'store' || !staffMayHandle(actor, order.stockLocation.id)) return null;
  const store = await getLocation(db, order.stockLocation.id);
  return store ? { order, store } : null;
}
