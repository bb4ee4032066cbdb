import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, orders, payments, type OrderStatus, type PaymentMethod } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { roundCash } from '@/lib/money/cash-rounding';
import { applyLoyaltyForOrderEvent } from '@/lib/loyalty/order-events';
import { recordOrderEvent } from '@/lib/insight/events';
import { notifyOrderEvent } from '@/lib/order-messages/notify';
import { publishOrderChange } from './live';
import { staffMayHandle } from './shared';

export interface RecordPaymentInput {
  orderId: string;
  method: PaymentMethod;
  amountCents: number;
  /** Cash only: what the customer handed over. */
  tenderedCents?: number | null;
  /** One per payment attempt; repeating it returns the first result. */
  idempotencyKey: string;
  providerReference?: string | null;
  /**
   * Counter split tender: this card-terminal or store-credit payment pays only part of what is due
   * (the rest follows with the same sale). Points are always allowed to pay part.
   */
  partial?: boolean;
}

export interface RecordedPayment {
  paymentId: string;
  orderId: string;
  /** The order's status after the payment. */
  orderStatus: OrderStatus;
  amountCents: number;
  /** Cash: change to give back; otherwise null. */
  changeCents: number | null;
}

// `settled`: the row already records a successful payment. A pending online attempt (or one that
// failed or was closed, whose success still arrived) is settled in place instead.
// `request` and `locationId`: what the first request said and where the order is handled, so a replay
// is answered only to a caller who may take this payment and only for the same request.
type FoundPayment = RecordedPayment & {
  settled: boolean;
  request: { method: RecordPaymentInput['method']; amountCents: number; tenderedCents: number | null };
  locationId: number;
};

async function findPayment(db: DbOrTx, idempotencyKey: string): Promise<FoundPayment | null> {
  const [row] = await db
    .select({
      paymentId: payments.id,
      settled: sql<boolean>`${payments.status} = 'succeeded'`,
      orderId: payments.orderId,
      orderStatus: orders.status,
      amountCents: payments.amountCents,
      roundingCents: payments.roundingCents,
      changeCents: payments.changeCents,
      method: payments.method,
      tenderedCents: payments.tenderedCents,
      locationId: sql<number>`coalesce(${orders.pickupLocationId}, ${orders.stockLocationId})`.mapWith(Number),
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(eq(payments.idempotencyKey, idempotencyKey));
  if (!row) return null;
  const { method, tenderedCents, roundingCents, ...rest } = row;
  // What the request asked for: for cash the due part (the row holds the rounded amount).
  return { ...rest, request: { method, amountCents: row.amountCents - roundingCents, tenderedCents } };
}

/**
 * Records a successful payment for what is due on the order and moves it on: a web order becomes 'paid', a
 * counter sale 'completed' (the goods are handed over at once). Idempotent by `idempotencyKey`.
 * What is due is the total less earlier payments: loyalty points may pay a part first
 * (redeemPointsForOrder records them here as a 'loyalty_points' payment that leaves the order waiting).
 *
 * Cash and card-terminal payments are taken by staff of the order's store (pickup orders can be paid
 * at the counter too); 'test_provider' is the online provider's confirmation, for web orders only —
 * the caller (webhook or return page) has verified it. Cash needs tendered ≥ total; change is
 * tendered − total.
 *
 * An online attempt is created 'pending' with its key before the shopper pays; its confirmation comes
 * here with the same key and settles that row in place, so there is one payment row per attempt. That
 * holds for an attempt marked 'failed' or 'cancelled' too: a success that arrives after them is real
 * money (providers do deliver out of order), so it still counts. Once paid, the order's other pending
 * attempts are closed ('cancelled').
 *
 * Errors (DomainError): notFound, forbidden, invalidState (not awaiting payment),
 * paymentAmountMismatch, tenderedTooLow (field 'tendered').
 */
export async function recordPayment(
  db: DbOrTx,
  input: RecordPaymentInput,
  actor: Actor | null,
): Promise<RecordedPayment> {
  return db.transaction(async (tx) => {
    const first = await findPayment(tx, input.idempotencyKey);
    if (first?.settled) return replayOf(first, input, actor);

    // Lock the order: two payments for it (different keys) are taken one after the other.
    const [order] = await tx
      .select({
        id: orders.id,
        channel: orders.channel,
        fulfilment: orders.fulfilment,
        placedByUserId: orders.placedByUserId,
        status: orders.status,
        totalCents: orders.totalCents,
        stockLocationId: orders.stockLocationId,
        pickupLocationId: orders.pickupLocationId,
      })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) throw new DomainError('notFound');
    const afterLock = await findPayment(tx, input.idempotencyKey);
    if (afterLock?.settled) return replayOf(afterLock, input, actor);
    if (afterLock && afterLock.orderId !== input.orderId) throw new DomainError('conflict');

    if (input.method === 'test_provider' || input.method === 'mollie') {
      if (order.channel !== 'web') throw new DomainError('invalidState');
    } else if (input.method === 'loyalty_points' || input.method === 'store_credit') {
      // Only through redeemPointsForOrder (lib/loyalty/redeem) / the counter sale's spendStoreCredit
      // (lib/store-credit), which took the points or credit from the customer's balance and checked
      // who asks, in this transaction.
    } else if (
      !staffMayHandle(actor, order.pickupLocationId ?? order.stockLocationId) &&
      // Endless aisle: the clerk who placed a counter order for delivery from another location takes its payment.
      !(order.channel === 'store' && order.fulfilment === 'delivery' && actor?.role === 'clerk' && order.placedByUserId === actor.userId)
    ) {
      throw new DomainError('forbidden');
    }
    if (order.status !== 'pending_payment') throw new DomainError('invalidState');
    // What is still due: the total less what was paid already (points redeemed for this order).
    const dueCents = order.totalCents - (await paidCents(tx, order.id));
    // Points may pay a part (the rest follows by card, cash or online), and at the counter a card or
    // store credit (split tender); any other payment pays all that is due.
    const mayBePartial = input.method === 'loyalty_points' || (input.partial === true && (input.method === 'card_terminal' || input.method === 'store_credit'));
    const partial = mayBePartial && input.amountCents > 0 && input.amountCents < dueCents;
    if (input.amountCents !== dueCents && !partial) throw new DomainError('paymentAmountMismatch');

    let tenderedCents: number | null = null;
    let changeCents: number | null = null;
    // Cash is rounded to 5 cents (Dutch practice; lib/money/cash-rounding): the row records what the
    // drawer took (amountCents = due + roundingCents); the order counts the due part as paid.
    let amountCents = input.amountCents;
    let roundingCents = 0;
    if (input.method === 'cash') {
      ({ roundedCents: amountCents, roundingCents } = roundCash(dueCents));
      tenderedCents = input.tenderedCents ?? null;
      if (
        tenderedCents === null ||
        !Number.isSafeInteger(tenderedCents) ||
        tenderedCents < amountCents
      ) {
        throw new DomainError('tenderedTooLow', {}, 'tendered');
      }
      changeCents = tenderedCents - amountCents;
    }

    const [payment] = afterLock
      ? await tx
          .update(payments)
          .set({ status: 'succeeded', amountCents, roundingCents, tenderedCents, changeCents })
          .where(and(eq(payments.id, afterLock.paymentId), ne(payments.status, 'succeeded')))
          .returning({ paymentId: payments.id })
      : await tx
          .insert(payments)
          .values({
            orderId: order.id,
            method: input.method,
            status: 'succeeded',
            amountCents,
            roundingCents,
            tenderedCents,
            changeCents,
            providerReference: input.providerReference ?? null,
            idempotencyKey: input.idempotencyKey,
          })
          .onConflictDoNothing({ target: payments.idempotencyKey })
          .returning({ paymentId: payments.id });
    if (!payment) {
      const raced = await findPayment(tx, input.idempotencyKey);
      if (!raced) throw new DomainError('conflict');
      return replayOf(raced, input, actor);
    }
    if (partial) {
      return { paymentId: payment.paymentId, orderId: order.id, orderStatus: order.status, amountCents, changeCents: null };
    }

    // A counter order for delivery or later pickup (endless aisle) is paid, not yet completed: its goods come later.
    const to: OrderStatus = order.channel === 'store' && order.fulfilment === 'in_store' ? 'completed' : 'paid';
    const [moved] = await tx
      .update(orders)
      .set({ status: to })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'pending_payment')))
      .returning({ id: orders.id });
    if (!moved) throw new DomainError('conflict');
    // Paid: the order's other open attempts (a second tab, a hosted page left open before paying at
    // the counter) must not take money for it again. A success that still arrives is owed back.
    await tx
      .update(payments)
      .set({ status: 'cancelled' })
      .where(
        and(
          eq(payments.orderId, order.id),
          eq(payments.status, 'pending'),
          ne(payments.id, payment.paymentId),
        ),
      );
    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: to,
      fromStatus: 'pending_payment',
      toStatus: to,
      actorUserId: actor?.userId ?? null,
      note: input.method,
    });
    await notifyOrderEvent(tx, order.id, to);
    await applyLoyaltyForOrderEvent(tx, order.id, to);
    // The journey's touchpoint (S13): the order is paid (a counter sale completed), in this transaction.
    await recordOrderEvent(tx, order.id, 'paid');
    // Live: the order page shows it paid; a paid pickup order appears on its store's pickups list.
    await publishOrderChange(tx, order);
    return {
      paymentId: payment.paymentId,
      orderId: order.id,
      orderStatus: to,
      amountCents,
      changeCents,
    };
  });
}

/**
 * The first result for a repeated key — only to a caller who may take this payment (staff of the
 * order's store for counter methods; the verified provider for online ones), and only for the same
 * request: another order, method, amount or cash tendered is a `conflict`, never the first result.
 */
function replayOf(found: FoundPayment, input: RecordPaymentInput, actor: Actor | null): RecordedPayment {
  // Online and points payments were authorized by their caller (the verified provider; lib/loyalty).
  const staffMethod = input.method !== 'test_provider' && input.method !== 'mollie' && input.method !== 'loyalty_points' && input.method !== 'store_credit';
  if (staffMethod && !staffMayHandle(actor, found.locationId)) throw new DomainError('forbidden');
  const same =
    found.orderId === input.orderId &&
    found.request.method === input.method &&
    found.request.amountCents === input.amountCents &&
    (input.method !== 'cash' || found.request.tenderedCents === (input.tenderedCents ?? null));
  if (!same) throw new DomainError('conflict');
  const { paymentId, orderId, orderStatus, amountCents, changeCents } = found;
  return { paymentId, orderId, orderStatus, amountCents, changeCents };
}

/**
 * What the order's payments have paid so far: succeeded payments not owed back (before the order is
 * paid, only points redeemed for it). The amount still due is the total less this. Cash counts
 * without its 5-cent rounding (amountCents − roundingCents).
 */
export async function paidCents(db: DbOrTx, orderId: string): Promise<number> {
  const [row] = await db.select({ sum: paidCentsOfOrder }).from(orders).where(eq(orders.id, orderId));
  return row?.sum ?? 0;
}

/**
 * paidCents as a column of a query over `orders`, to read it with its order. Written with qualified
 * names: in a select list Drizzle leaves column names unqualified, and an unqualified "id" inside this
 * sub-select would be the payment's.
 */
export const paidCentsOfOrder: SQL<number> = sql<number>`(select coalesce(sum(p.amount_cents - p.rounding_cents), 0)::int from payments p where p.order_id = "orders"."id" and p.status = 'succeeded' and not p.refund_due)`.mapWith(Number);
