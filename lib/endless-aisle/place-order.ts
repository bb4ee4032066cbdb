import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { customers, locations, orderEvents, orderLines, orders } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { loadPriceLines } from '@/lib/catalog/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { requestHash } from '@/lib/idempotency/request-hash';
import { reserveStock } from '@/lib/inventory/mutations';
import { notifyOrderEvent } from '@/lib/order-messages/notify';
import { recordPayment } from '@/lib/orders/record-payment';
import { findPlacedOrder, generatePickupCode } from '@/lib/orders/shared';
import { priceCart } from '@/lib/pricing';
import { loadPricingFacts, registerPromotionUsage } from '@/lib/promotions/candidates';
import { toSavingSnapshot } from '@/lib/orders/savings';
import { getPricingConfig } from '@/lib/settings/pricing-config';
import { bookPaymentsOnTill } from '@/lib/till/cash';
import { requestTransfer } from '@/lib/transfers/mutations';
import type { EndlessAisleOrderInput } from './schemas';

export interface PlacedEndlessAisleOrder {
  orderId: string;
  number: string;
  totalCents: number;
  changeCents: number | null;
  transferNumber: string | null;
}

/**
 * The endless aisle (story S7): the clerk sells a variant this store lacks, from another location, paid
 * at the counter now — in ONE transaction, so a refused payment or a lost race for the stock leaves no
 * order, no reservation and no transfer:
 * - 'delivery': the units are reserved where they are (the warehouse or another store) — stockLocationId
 *   is that location; shipping them (admin, /admin/orders) commits the reservation there.
 * - 'pickup': the order waits in this store (pickupLocationId = stockLocationId = this store) and a
 *   transfer from the chosen location to here is requested (reserving the units at the origin). When it
 *   is received here the goods are reserved for the order and it becomes ready for pickup
 *   (lib/transfers/order-link.ts), with the pickup code sent by transitionOrder.
 * The order is channel 'store', placed by the clerk, priced by priceCart (channel 'store', this store),
 * paid through recordPayment (→ 'paid'); the customer gets the confirmation (notifyOrderEvent).
 * Only staff of `storeId` (admins anywhere). Idempotent by key: the same request returns the first order.
 *
 * Errors (DomainError): forbidden, notFound, endlessAisleSameStore, productUnavailable, priceChanged,
 * tenderedTooLow, endlessAisleOutOfStock / transferOutOfStock, conflict.
 */
export async function placeEndlessAisleOrder(
  db: DbOrTx,
  /** tillSessionId: the device's open till, whose drawer takes the money (none: not booked on a till). */
  input: EndlessAisleOrderInput & { storeId: number; tillSessionId?: number | null; locale?: 'nl' | 'en'; now?: Date },
  actor: Actor,
): Promise<PlacedEndlessAisleOrder> {
  if (actor.role !== 'admin' && !(actor.role === 'clerk' && actor.locationId === input.storeId)) throw new DomainError('forbidden');
  const now = input.now ?? new Date();
  const locale = input.locale ?? 'nl';
  const hash = requestHash({
    kind: 'endless-aisle',
    storeId: input.storeId,
    variantId: input.variantId,
    quantity: input.quantity,
    sourceLocationId: input.sourceLocationId,
    fulfilment: input.fulfilment,
    customerId: input.customerId,
    email: input.email,
    phone: input.phone,
    name: input.customerName,
    address: input.shippingAddress,
    method: input.method,
    tenderedCents: input.tenderedCents,
  });

  return db.transaction(async (tx) => {
    const earlier = await findPlacedOrder(tx, input.idempotencyKey);
    if (earlier) return replay(tx, earlier, hash, actor);

    const [source] = await tx.select({ id: locations.id, name: locations.name }).from(locations).where(eq(locations.id, input.sourceLocationId));
    const [store] = await tx.select({ id: locations.id, kind: locations.kind }).from(locations).where(eq(locations.id, input.storeId));
    if (!source || store?.kind !== 'store') throw new DomainError('notFound', {}, 'sourceLocationId');
    if (input.fulfilment === 'pickup' && source.id === store.id) throw new DomainError('endlessAisleSameStore', {}, 'sourceLocationId');

    const contact = await contactOf(tx, input);
    const [line] = await loadPriceLines(tx, [{ variantId: input.variantId, quantity: input.quantity }], locale, now);
    if (!line) throw new DomainError('notFound');
    if (!line.active) throw new DomainError('productUnavailable', { name: line.productName });
    const facts = await loadPricingFacts(tx, now, contact.customerId);
    const priced = priceCart([line], facts.promotions, {
      channel: 'store',
      now,
      codes: [],
      fulfilment: input.fulfilment,
      customerId: contact.customerId,
      customer: facts.customer,
      locationId: store.id,
      pricing: await getPricingConfig(tx),
    });
    if (input.expectedTotalCents !== undefined && input.expectedTotalCents !== priced.totalCents) throw new DomainError('priceChanged');
    // Refuse too little cash before an order number is drawn (sequences do not roll back).
    if (input.method === 'cash' && (input.tenderedCents ?? 0) < priced.totalCents) throw new DomainError('tenderedTooLow', {}, 'tendered');

    const [{ n }] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('order_number_seq')::text as n`));
    const number = `S-${n}`;
    const [order] = await tx
      .insert(orders)
      .values({
        number,
        channel: 'store',
        fulfilment: input.fulfilment,
        status: 'pending_payment',
        stockLocationId: input.fulfilment === 'delivery' ? source.id : store.id,
        pickupLocationId: input.fulfilment === 'pickup' ? store.id : null,
        customerId: contact.customerId,
        placedByUserId: actor.userId,
        email: contact.email,
        phone: contact.phone,
        customerName: contact.name,
        shippingAddress: input.shippingAddress,
        promotionCodes: [],
        subtotalCents: priced.subtotalCents,
        discountCents: priced.discountCents,
        shippingCents: priced.shippingCents,
        shippingDiscountCents: priced.shippingDiscountCents,
        savings: priced.savings.map(toSavingSnapshot),
        totalCents: priced.totalCents,
        vatCents: priced.vatCents,
        vatBreakdown: priced.vat,
        pickupCode: input.fulfilment === 'pickup' ? generatePickupCode() : null,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        placedAt: now,
      })
      .onConflictDoNothing({ target: orders.idempotencyKey })
      .returning({ orderId: orders.id, number: orders.number, totalCents: orders.totalCents });
    if (!order) {
      const raced = await findPlacedOrder(tx, input.idempotencyKey);
      if (!raced) throw new DomainError('conflict');
      return replay(tx, raced, hash, actor);
    }
    const p = priced.lines[0];
    await tx.insert(orderLines).values({
      orderId: order.orderId,
      variantId: p.variantId,
      sku: line.sku,
      productName: line.productName,
      variantLabel: line.variantLabel,
      quantity: p.quantity,
      unitPriceCents: p.unitPriceCents,
      discountCents: p.discountCents,
      lineTotalCents: p.lineTotalCents,
      vatRateBp: p.vatRateBp,
      vatCents: p.vatCents,
      promotionId: p.promotion?.id ?? null,
      promotionName: p.promotion ? p.promotion.title[locale] : null,
      savings: p.savings.map(toSavingSnapshot),
    });
    await registerPromotionUsage(tx, { orderId: order.orderId, customerId: contact.customerId, priced, candidates: facts.promotions });
    await tx.insert(orderEvents).values({ orderId: order.orderId, type: 'placed', toStatus: 'pending_payment', actorUserId: actor.userId, note: 'endless aisle' });

    let transferNumber: string | null = null;
    if (input.fulfilment === 'delivery') {
      try {
        await reserveStock(tx, { variantId: line.variantId, locationId: source.id, quantity: input.quantity, reference: number, actorUserId: actor.userId, locale });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'outOfStock') throw new DomainError('endlessAisleOutOfStock', { ...error.values, location: source.name });
        throw error;
      }
    } else {
      const transfer = await requestTransfer(
        tx,
        { fromLocationId: source.id, toLocationId: store.id, lines: [{ variantId: line.variantId, quantity: input.quantity }], orderId: order.orderId, locale, note: number },
        actor,
      );
      transferNumber = transfer.number;
    }
    await notifyOrderEvent(tx, order.orderId, 'placed', { locale, now });
    const payment = await recordPayment(
      tx,
      { orderId: order.orderId, method: input.method, amountCents: priced.totalCents, tenderedCents: input.tenderedCents, idempotencyKey: input.idempotencyKey },
      actor,
    );
    await bookPaymentsOnTill(tx, order.orderId, input.tillSessionId ?? null);
    await recordAudit(tx, actor, {
      action: 'order.endless_aisle_placed',
      entityType: 'order',
      entityId: order.orderId,
      summary: `${number}: ${input.quantity} × ${line.sku} from ${source.name}, ${input.fulfilment}${transferNumber ? ` (${transferNumber})` : ''}`,
      after: { fulfilment: input.fulfilment, sourceLocationId: source.id, totalCents: priced.totalCents, method: input.method },
    });
    return { orderId: order.orderId, number, totalCents: priced.totalCents, changeCents: payment.changeCents, transferNumber };
  });
}

/** The same key again: the first order, only for the same request and to staff who may see it. */
async function replay(
  tx: DbOrTx,
  earlier: NonNullable<Awaited<ReturnType<typeof findPlacedOrder>>>,
  hash: string,
  actor: Actor,
): Promise<PlacedEndlessAisleOrder> {
  if (earlier.requestHash !== hash) throw new DomainError('conflict');
  const [row] = await tx.select({ placedBy: orders.placedByUserId }).from(orders).where(eq(orders.id, earlier.orderId));
  if (actor.role !== 'admin' && row?.placedBy !== actor.userId) throw new DomainError('conflict');
  return { orderId: earlier.orderId, number: earlier.number, totalCents: earlier.totalCents, changeCents: null, transferNumber: null };
}

/** Who the order is for: the attached profile (its email/phone fill what was left blank) or what was typed. */
async function contactOf(tx: DbOrTx, input: EndlessAisleOrderInput) {
  if (input.customerId === null) return { customerId: null, name: input.customerName, email: input.email, phone: input.phone };
  const [profile] = await tx
    .select({ id: customers.id, name: customers.name, email: customers.email, phone: customers.phone })
    .from(customers)
    .where(eq(customers.id, input.customerId));
  if (!profile) throw new DomainError('notFound', {}, 'customerId');
  const email = input.email ?? profile.email;
  const phone = input.phone ?? profile.phone;
  if (!email && !phone) throw new DomainError('endlessAisleContactMissing', {}, 'email');
  return { customerId: profile.id, name: input.customerName || profile.name, email, phone };
}
