import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { carts, customers, orders, stockTransfers } from '@/db/schema';
import { loadPriceLines } from '@/lib/catalog/queries';
import type { Actor } from '@/lib/identity/queries';
import { getVariantStockByLocation, type LocationStock } from '@/lib/inventory/queries';
import { getOrderById, type OrderDetailDto } from '@/lib/orders/queries';
import { priceCart, type PricedCart } from '@/lib/pricing';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { getPricingConfig } from '@/lib/settings/pricing-config';

export interface EndlessAisleVariant {
  variantId: number;
  sku: string;
  productName: string;
  variantLabel: string;
  imagePath: string;
  active: boolean;
  /** This store's available units. */
  here: number;
  /** Every other location with its available units (0 included), most first. */
  elsewhere: LocationStock[];
}

/** The variant and its stock everywhere, for the endless-aisle screen of `storeId`. Null when unknown. */
export async function getEndlessAisleVariant(
  db: DbOrTx,
  options: { variantId: number; storeId: number; locale: 'nl' | 'en'; now: Date },
): Promise<EndlessAisleVariant | null> {
  const [[line], stock] = await Promise.all([
    loadPriceLines(db, [{ variantId: options.variantId, quantity: 1 }], options.locale, options.now),
    getVariantStockByLocation(db, options.variantId),
  ]);
  if (!line) return null;
  return {
    variantId: line.variantId,
    sku: line.sku,
    productName: line.productName,
    variantLabel: line.variantLabel,
    imagePath: line.imagePath,
    active: line.active,
    here: stock.find((s) => s.locationId === options.storeId)?.available ?? 0,
    elsewhere: stock.filter((s) => s.locationId !== options.storeId).sort((a, b) => b.available - a.available),
  };
}

/**
 * What the order will cost, priced exactly as placeEndlessAisleOrder prices it (priceCart, channel
 * 'store', this store, with delivery costs for 'delivery'). The form sends the total back as a guard.
 */
export async function priceEndlessAisleOrder(
  db: DbOrTx,
  options: { variantId: number; quantity: number; fulfilment: 'delivery' | 'pickup'; storeId: number; customerId: number | null; locale: 'nl' | 'en'; now: Date },
): Promise<PricedCart | null> {
  const lines = await loadPriceLines(db, [{ variantId: options.variantId, quantity: options.quantity }], options.locale, options.now);
  if (lines.length === 0) return null;
  return priceCart(lines, await loadPromotionCandidates(db, options.now), {
    channel: 'store',
    now: options.now,
    codes: [],
    fulfilment: options.fulfilment,
    customerId: options.customerId,
    locationId: options.storeId,
    pricing: await getPricingConfig(db),
  });
}

export interface AttachedCustomer {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
}

/** The customer attached to a counter cart (to fill the endless-aisle form), or null. */
export async function getCartCustomer(db: DbOrTx, cartId: string | null): Promise<AttachedCustomer | null> {
  if (!cartId) return null;
  const [row] = await db
    .select({ id: customers.id, name: customers.name, email: customers.email, phone: customers.phone })
    .from(carts)
    .innerJoin(customers, eq(customers.id, carts.customerId))
    .where(eq(carts.id, cartId));
  return row ?? null;
}

/**
 * An endless-aisle order for its confirmation screen, with its transfer (pickup). Only for admins, the
 * clerk who placed it, and staff of its pickup store; anyone else gets null (as if it did not exist).
 */
export async function getEndlessAisleOrder(db: DbOrTx, orderId: string, actor: Actor): Promise<{ order: OrderDetailDto; transferNumber: string | null } | null> {
  const order = await getOrderById(db, orderId);
  if (!order || order.channel !== 'store' || order.fulfilment === 'in_store') return null;
  const [row] = await db.select({ placedBy: orders.placedByUserId }).from(orders).where(eq(orders.id, orderId));
  const allowed = actor.role === 'admin' || row?.placedBy === actor.userId || (actor.role === 'clerk' && order.pickupLocation?.id === actor.locationId);
  if (!allowed) return null;
  const [transfer] = await db.select({ number: stockTransfers.number }).from(stockTransfers).where(eq(stockTransfers.orderId, orderId)).orderBy(desc(stockTransfers.id)).limit(1);
  return { order, transferNumber: transfer?.number ?? null };
}
