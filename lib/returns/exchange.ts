import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { orderLines, orders, payments, returnLines, returns, type VatLineSnapshot } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { loadPriceLines } from '@/lib/catalog/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { sellStock } from '@/lib/inventory/mutations';
import { issueCreditNote } from '@/lib/invoices/credit-note';
import { issueInvoice } from '@/lib/invoices/issue-invoice';
import { priceCart, vatIncluded } from '@/lib/pricing';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { getPricingConfig } from '@/lib/settings/pricing-config';
import { addEvent, orderLinesOf, staffAt } from './internal';
import { createReturnInTx } from './mutations';
import { EXCHANGE_PROVIDER_METHOD } from './exchange-payment';
import type { ReturnLineInput } from './types';

export interface ExchangeInput {
  orderId: string;
  returnLines: ReturnLineInput[];
  /** replacesOrderLineId: the returned line this replaces — the same product then costs what was paid for it. */
  replacements: { variantId: number; quantity: number; replacesOrderLineId?: number }[];
  /** The clerk's store: the goods come back here and the replacements leave from here. */
  locationId: number;
  tillSessionId: number | null;
  actor: Actor;
  idempotencyKey: string;
  locale?: 'nl' | 'en';
  now?: Date;
  /** Tests: runs last inside the transaction (a failure there must leave nothing behind). */
  beforeCommit?: (tx: DbOrTx) => Promise<void>;
}

export interface ExchangeResult {
  returnId: string;
  number: string;
  exchangeOrderId: string;
  exchangeOrderNumber: string;
  /** > 0: to pay on the exchange order (it waits in pending_payment); < 0: to refund with refundReturn; 0: done. */
  differenceCents: number;
}

interface NewLine {
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
  promotionId: number | null;
  promotionName: string | null;
}

/**
 * An exchange at the counter (S2), in ONE transaction: the returned line(s) are received and restocked
 * here, and an exchange order (channel store, fulfilment in_store) sells the replacements from this
 * store's stock. A replacement of the same product (another size or colour) for a returned line costs
 * exactly what was paid for the returned units — no promotion check, no difference; any other product
 * is priced by priceCart now. The returned goods pay for the exchange order up to their value (a
 * payment marked 'exchange'); a difference > 0 is then paid on the exchange order at the counter, one
 * < 0 is refunded with refundReturn. The original order's return gets a credit note and the exchange
 * order its invoice, so stock, revenue and VAT are right per channel. Anything failing undoes it all.
 * Errors: as createReturn, plus exchangeNoReplacements, exchangeReplacementMismatch, outOfStock, notFound.
 */
export async function exchangeAtCounter(db: DbOrTx, input: ExchangeInput): Promise<ExchangeResult> {
  const { actor } = input;
  if (!staffAt(actor, input.locationId)) throw new DomainError('forbidden');
  if (input.replacements.length === 0) throw new DomainError('exchangeNoReplacements');
  for (const r of input.replacements) {
    if (!Number.isSafeInteger(r.variantId) || !Number.isSafeInteger(r.quantity) || r.quantity < 1 || r.quantity > 100) throw new DomainError('returnQuantityInvalid');
  }
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [earlier] = await tx
      .select({ id: returns.id, number: returns.number, exchangeOrderId: returns.exchangeOrderId, orderId: returns.orderId })
      .from(returns)
      .where(eq(returns.idempotencyKey, input.idempotencyKey));
    if (earlier) {
      if (earlier.orderId !== input.orderId || !earlier.exchangeOrderId) throw new DomainError('conflict');
      const [ex] = await tx.select({ number: orders.number, totalCents: orders.totalCents }).from(orders).where(eq(orders.id, earlier.exchangeOrderId));
      const [ret] = await tx.select({ total: returns.refundTotalCents }).from(returns).where(eq(returns.id, earlier.id));
      return { returnId: earlier.id, number: earlier.number, exchangeOrderId: earlier.exchangeOrderId, exchangeOrderNumber: ex.number, differenceCents: ex.totalCents - ret.total };
    }

    const created = await createReturnInTx(
      tx,
      { orderId: input.orderId, method: 'counter', locationId: input.locationId, lines: input.returnLines, receiveNow: true, actor, idempotencyKey: input.idempotencyKey, now },
      { exchange: true },
    );
    const returned = await tx
      .select({ orderLineId: returnLines.orderLineId, quantity: returnLines.quantity, refundCents: returnLines.refundCents, vatRateBp: returnLines.vatRateBp, vatCents: returnLines.vatCents })
      .from(returnLines)
      .where(eq(returnLines.returnId, created.returnId));
    const [shippingBack] = await tx.select({ cents: returns.shippingRefundCents }).from(returns).where(eq(returns.id, created.returnId));
    const original = new Map((await orderLinesOf(tx, input.orderId)).map((l) => [l.id, l]));

    const loaded = await loadPriceLines(tx, input.replacements.map((r) => ({ variantId: r.variantId, quantity: r.quantity })), input.locale ?? 'nl', now);
    const byVariant = new Map(loaded.map((l) => [l.variantId, l]));
    const [origOrder] = await tx.select({ customerId: orders.customerId, email: orders.email, phone: orders.phone, customerName: orders.customerName, number: orders.number }).from(orders).where(eq(orders.id, input.orderId));

    const lines: NewLine[] = [];
    const toPrice: typeof loaded = [];
    const usedReturnLines = new Set<number>();
    for (const r of input.replacements) {
      const item = byVariant.get(r.variantId);
      if (!item) throw new DomainError('notFound');
      const replaced = r.replacesOrderLineId !== undefined ? original.get(r.replacesOrderLineId) : undefined;
      const back = r.replacesOrderLineId !== undefined ? returned.find((l) => l.orderLineId === r.replacesOrderLineId) : undefined;
      if (r.replacesOrderLineId !== undefined && (!replaced || !back || usedReturnLines.has(back.orderLineId))) throw new DomainError('exchangeReplacementMismatch');
      const [variantRow] = replaced ? await loadPriceLines(tx, [{ variantId: replaced.variantId, quantity: 1 }], input.locale ?? 'nl', now) : [];
      if (replaced && back && variantRow && variantRow.productId === item.productId) {
        // Same product, other variant: what was paid for the returned units, nothing else.
        if (r.quantity !== back.quantity) throw new DomainError('exchangeReplacementMismatch');
        usedReturnLines.add(back.orderLineId);
        lines.push({
          variantId: item.variantId,
          sku: item.sku,
          productName: item.productName,
          variantLabel: item.variantLabel,
          quantity: r.quantity,
          unitPriceCents: replaced.unitPriceCents,
          discountCents: replaced.unitPriceCents * r.quantity - back.refundCents,
          lineTotalCents: back.refundCents,
          vatRateBp: back.vatRateBp,
          vatCents: vatIncluded(back.refundCents, back.vatRateBp),
          promotionId: null,
          promotionName: replaced.unitPriceCents * r.quantity > back.refundCents ? 'Exchange: price paid' : null,
        });
      } else {
        if (!item.active) throw new DomainError('productUnavailable', { name: item.productName });
        toPrice.push({ ...item, quantity: r.quantity });
      }
    }
    if (toPrice.length > 0) {
      const priced = priceCart(toPrice, await loadPromotionCandidates(tx, now), {
        channel: 'store',
        now,
        codes: [],
        fulfilment: 'in_store',
        customerId: origOrder.customerId,
        locationId: input.locationId,
        pricing: await getPricingConfig(tx),
      });
      priced.lines.forEach((p, i) => {
        const item = toPrice[i];
        lines.push({
          variantId: item.variantId,
          sku: item.sku,
          productName: item.productName,
          variantLabel: item.variantLabel,
          quantity: p.quantity,
          unitPriceCents: p.unitPriceCents,
          discountCents: p.discountCents,
          lineTotalCents: p.lineTotalCents,
          vatRateBp: p.vatRateBp,
          vatCents: p.vatCents,
          promotionId: p.promotion?.id ?? null,
          promotionName: p.promotion?.name ?? null,
        });
      });
    }

    const totalCents = lines.reduce((s, l) => s + l.lineTotalCents, 0);
    const byRate = new Map<number, VatLineSnapshot>();
    for (const l of lines) {
      const e = byRate.get(l.vatRateBp) ?? { rateBp: l.vatRateBp, grossCents: 0, vatCents: 0 };
      e.grossCents += l.lineTotalCents;
      e.vatCents += l.vatCents;
      byRate.set(l.vatRateBp, e);
    }
    const vatBreakdown = [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);
    const covered = Math.min(created.refundTotalCents, totalCents);
    const differenceCents = totalCents - created.refundTotalCents;
    const status = differenceCents > 0 ? 'pending_payment' : 'completed';

    const [{ n }] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('order_number_seq')::text as n`));
    const exchangeNumber = `S-${n}`;
    const [exchange] = await tx
      .insert(orders)
      .values({
        number: exchangeNumber,
        channel: 'store',
        fulfilment: 'in_store',
        status,
        stockLocationId: input.locationId,
        customerId: origOrder.customerId,
        placedByUserId: actor.userId,
        email: origOrder.email,
        phone: origOrder.phone,
        customerName: origOrder.customerName,
        subtotalCents: lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0),
        discountCents: lines.reduce((s, l) => s + l.discountCents, 0),
        shippingCents: 0,
        totalCents,
        vatCents: vatBreakdown.reduce((s, v) => s + v.vatCents, 0),
        vatBreakdown,
        idempotencyKey: `${input.idempotencyKey}:exchange`,
        placedAt: now,
      })
      .returning({ id: orders.id });
    await tx.insert(orderLines).values(lines.map((l) => ({ ...l, orderId: exchange.id })));
    for (const l of [...lines].sort((a, b) => a.variantId - b.variantId)) {
      await sellStock(tx, { variantId: l.variantId, locationId: input.locationId, quantity: l.quantity, reference: exchangeNumber, actorUserId: actor.userId, locale: input.locale });
    }
    if (covered > 0) {
      await tx.insert(payments).values({
        orderId: exchange.id,
        method: 'store_credit',
        providerMethod: EXCHANGE_PROVIDER_METHOD,
        status: 'succeeded',
        amountCents: covered,
        idempotencyKey: `${input.idempotencyKey}:exchange-payment`,
        tillSessionId: input.tillSessionId,
      });
    }
    await tx
      .update(returns)
      .set({ exchangeOrderId: exchange.id, ...(differenceCents >= 0 ? { status: 'closed' as const, closedAt: now } : {}) })
      .where(eq(returns.id, created.returnId));
    // The returned goods are credited on the original order; the exchange order is invoiced on its own.
    if (created.refundTotalCents > 0) {
      await issueCreditNote(tx, { orderId: input.orderId, returnId: created.returnId, lines: returned.map((l) => ({ refundCents: l.refundCents, vatRateBp: l.vatRateBp, vatCents: l.vatCents })), shippingCents: shippingBack?.cents ?? 0, now });
    }
    await addEvent(tx, exchange.id, 'placed', actor, created.number, now);
    if (status === 'completed') {
      await addEvent(tx, exchange.id, 'completed', actor, created.number, now);
      await issueInvoice(tx, exchange.id, now);
    }
    await addEvent(tx, exchange.id, 'exchanged', actor, `${created.number} ← ${origOrder.number}`, now);
    await addEvent(tx, input.orderId, 'exchanged', actor, `${created.number} → ${exchangeNumber}`, now);
    if (differenceCents >= 0) await addEvent(tx, input.orderId, 'return_closed', actor, created.number, now);
    await recordAudit(tx, actor, {
      action: 'return.exchanged',
      entityType: 'return',
      entityId: created.returnId,
      summary: `${created.number}: ${origOrder.number} exchanged for ${exchangeNumber} (difference ${differenceCents} cents)`,
      after: { exchangeOrderId: exchange.id, differenceCents },
    });
    if (input.beforeCommit) await input.beforeCommit(tx);
    return { returnId: created.returnId, number: created.number, exchangeOrderId: exchange.id, exchangeOrderNumber: exchangeNumber, differenceCents };
  });
}
