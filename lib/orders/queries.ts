import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isExchangePayment } from '@/lib/returns/exchange-payment';
import type { DbOrTx } from '@/db/client';
import { locations, orderEvents, orderLines, orders, payments, type OrderStatus, type PaymentMethod, type SavingSnapshot, type ShippingAddress, type VatLineSnapshot } from '@/db/schema';

export interface OrderSummaryDto {
  id: string;
  number: string;
  channel: 'web' | 'store';
  fulfilment: 'delivery' | 'pickup' | 'in_store';
  status: OrderStatus;
  totalCents: number;
  placedAt: Date;
  itemCount: number;
}

export interface OrderLineDto {
  id: number;
  variantId: number;
  sku: string;
  productName: string;
  variantLabel: string;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
  lineTotalCents: number;
  vatRateBp: number;
  vatCents: number;
  promotionName: string | null;
  /** What was saved on this line and why, as priced at placement (Σ amountCents = discountCents). */
  savings: SavingSnapshot[];
}

export interface OrderEventDto {
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  note: string | null;
  createdAt: Date;
}

export interface PaymentDto {
  id: string;
  method: PaymentMethod;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  amountCents: number;
  /** Cash: the 5-cent rounding included in amountCents (amountCents = due + roundingCents). */
  roundingCents: number;
  tenderedCents: number | null;
  changeCents: number | null;
  createdAt: Date;
  /** The part of an exchange order that the returned goods paid (lib/returns/exchange-payment): no tender. */
  paidByExchange: boolean;
}

export interface OrderDetailDto extends Omit<OrderSummaryDto, 'itemCount'> {
  customerId: number | null;
  email: string | null;
  phone: string | null;
  customerName: string | null;
  shippingAddress: ShippingAddress | null;
  pickupCode: string | null;
  /** Delivery: set when the order is shipped. */
  carrier: string | null;
  trackingNumber: string | null;
  promotionCodes: string[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  /** What promotions took off delivery (shippingCents is after it). */
  shippingDiscountCents: number;
  /** Every saving of the order, per promotion and staff discount, as priced at placement. */
  savings: SavingSnapshot[];
  vatCents: number;
  vatBreakdown: VatLineSnapshot[];
  stockLocation: { id: number; name: string };
  pickupLocation: { id: number; name: string; street: string; postcode: string; city: string } | null;
  lines: OrderLineDto[];
  events: OrderEventDto[];
  payments: PaymentDto[];
}

// Written out in plain SQL: drizzle renders columns unqualified in a single-table select, and an
// unqualified "id" inside the sub-select would mean order_lines.id.
const itemCount = sql<number>`(select coalesce(sum(ol.quantity), 0) from order_lines ol where ol.order_id = "orders"."id")`.mapWith(Number);

const summaryColumns = {
  id: orders.id,
  number: orders.number,
  channel: orders.channel,
  fulfilment: orders.fulfilment,
  status: orders.status,
  totalCents: orders.totalCents,
  placedAt: orders.placedAt,
  itemCount,
};

const pickupLocations = alias(locations, 'pickup_location');

async function loadOrderDetail(db: DbOrTx, where: SQL): Promise<OrderDetailDto | null> {
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      channel: orders.channel,
      fulfilment: orders.fulfilment,
      status: orders.status,
      totalCents: orders.totalCents,
      placedAt: orders.placedAt,
      customerId: orders.customerId,
      email: orders.email,
      phone: orders.phone,
      customerName: orders.customerName,
      shippingAddress: orders.shippingAddress,
      pickupCode: orders.pickupCode,
      carrier: orders.carrier,
      trackingNumber: orders.trackingNumber,
      promotionCodes: orders.promotionCodes,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      shippingCents: orders.shippingCents,
      shippingDiscountCents: orders.shippingDiscountCents,
      savings: orders.savings,
      vatCents: orders.vatCents,
      vatBreakdown: orders.vatBreakdown,
      stockLocationId: locations.id,
      stockLocationName: locations.name,
      pickupLocationId: pickupLocations.id,
      pickupLocationName: pickupLocations.name,
      pickupStreet: pickupLocations.street,
      pickupPostcode: pickupLocations.postcode,
      pickupCity: pickupLocations.city,
    })
    .from(orders)
    .innerJoin(locations, eq(locations.id, orders.stockLocationId))
    .leftJoin(pickupLocations, eq(pickupLocations.id, orders.pickupLocationId))
    .where(where);
  if (!order) return null;

  const [lines, events, paymentRows] = await Promise.all([
    db
      .select({
        id: orderLines.id,
        variantId: orderLines.variantId,
        sku: orderLines.sku,
        productName: orderLines.productName,
        variantLabel: orderLines.variantLabel,
        quantity: orderLines.quantity,
        unitPriceCents: orderLines.unitPriceCents,
        discountCents: orderLines.discountCents,
        lineTotalCents: orderLines.lineTotalCents,
        vatRateBp: orderLines.vatRateBp,
        vatCents: orderLines.vatCents,
        promotionName: orderLines.promotionName,
        savings: orderLines.savings,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.id)),
    db
      .select({ type: orderEvents.type, fromStatus: orderEvents.fromStatus, toStatus: orderEvents.toStatus, note: orderEvents.note, createdAt: orderEvents.createdAt })
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
    db
      .select({
        id: payments.id,
        method: payments.method,
        status: payments.status,
        amountCents: payments.amountCents,
        roundingCents: payments.roundingCents,
        tenderedCents: payments.tenderedCents,
        changeCents: payments.changeCents,
        createdAt: payments.createdAt,
        paidByExchange: isExchangePayment,
      })
      .from(payments)
      .where(eq(payments.orderId, order.id))
      .orderBy(asc(payments.createdAt)),
  ]);

  const { stockLocationId, stockLocationName, pickupLocationId, pickupLocationName, pickupStreet, pickupPostcode, pickupCity, ...rest } = order;
  return {
    ...rest,
    stockLocation: { id: stockLocationId, name: stockLocationName },
    pickupLocation:
      pickupLocationId === null
        ? null
        : { id: pickupLocationId, name: pickupLocationName!, street: pickupStreet!, postcode: pickupPostcode!, city: pickupCity! },
    lines,
    events,
    payments: paymentRows,
  };
}

/** An order with lines, events and payments, for staff (the caller checks the role/store). */
export async function getOrderById(db: DbOrTx, orderId: string): Promise<OrderDetailDto | null> {
  if (!UUID_RE.test(orderId)) return null;
  return loadOrderDetail(db, eq(orders.id, orderId));
}

/** The customer's own order, or null — also when it exists but is someone else's. */
export async function getOrderForCustomer(db: DbOrTx, orderId: string, customerId: number): Promise<OrderDetailDto | null> {
  if (!UUID_RE.test(orderId)) return null;
  return loadOrderDetail(db, and(eq(orders.id, orderId), eq(orders.customerId, customerId)) as SQL);
}

/** The customer's orders from every channel, newest first. */
export async function listOrdersForCustomer(db: DbOrTx, customerId: number): Promise<OrderSummaryDto[]> {
  return db.select(summaryColumns).from(orders).where(eq(orders.customerId, customerId)).orderBy(desc(orders.placedAt));
}

export interface PickupDto extends OrderSummaryDto {
  customerName: string | null;
  email: string | null;
  phone: string | null;
  pickupCode: string | null;
}

/** Pickup orders for one store in the given statuses, oldest first (the counter's pickup queue). */
export async function listPickupsForStore(
  db: DbOrTx,
  locationId: number,
  options: { statuses: OrderStatus[] },
): Promise<PickupDto[]> {
  if (options.statuses.length === 0) return [];
  return db
    .select({ ...summaryColumns, customerName: orders.customerName, email: orders.email, phone: orders.phone, pickupCode: orders.pickupCode })
    .from(orders)
    .where(and(eq(orders.fulfilment, 'pickup'), eq(orders.pickupLocationId, locationId), inArray(orders.status, options.statuses)))
    .orderBy(asc(orders.placedAt));
}

/** An order by its human number ("w-100042" works too), for staff look-ups; the caller checks the role. */
export async function findOrderByNumber(db: DbOrTx, number: string): Promise<OrderSummaryDto & { stockLocationId: number; pickupLocationId: number | null } | null> {
  const [row] = await db
    .select({ ...summaryColumns, stockLocationId: orders.stockLocationId, pickupLocationId: orders.pickupLocationId })
    .from(orders)
    .where(eq(orders.number, number.trim().toUpperCase()));
  return row ?? null;
}

/** A pickup at this store by the code the customer shows (case-insensitive), for the counter. */
export async function findPickupByCode(db: DbOrTx, locationId: number, code: string): Promise<PickupDto | null> {
  const [row] = await db
    .select({ ...summaryColumns, customerName: orders.customerName, email: orders.email, phone: orders.phone, pickupCode: orders.pickupCode })
    .from(orders)
    .where(and(eq(orders.pickupLocationId, locationId), eq(orders.pickupCode, code.trim().toUpperCase())))
    .orderBy(desc(orders.placedAt))
    .limit(1);
  return row ?? null;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
