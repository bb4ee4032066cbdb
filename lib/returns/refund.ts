import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { payments, refunds, returns, tillSessions, type PaymentMethod } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { issueCreditNote } from '@/lib/invoices/credit-note';
import { refundPointsPayment, reverseEarnedForReturn } from '@/lib/loyalty/returns';
import { PROVIDER_METHODS, refundPayment, reserveRefund } from '@/lib/payments/refunds';
import { issueStoreCredit, restoreStoreCredit } from '@/lib/store-credit/ledger';
import { EXCHANGE_PROVIDER_METHOD } from './exchange-payment';
import { addEvent, isUuid, lockOrder, lockReturn, staffAt } from './internal';
import { notifyReturn } from './notify';
import { splitRefund, type RefundShare } from './rules';
import type { RefundDestination } from './types';

/** Refunds a provider payment outside any transaction (lib/payments refundPayment; tests inject their own). */
export type ProviderRefunder = (
  db: DbOrTx,
  input: { paymentId: string; amountCents: number; refundId: string; returnId?: string | null; actorUserId?: number | null; description?: string },
) => Promise<{ status: 'pending' | 'succeeded' | 'failed' }>;

export interface RefundReturnInput {
  returnId: string;
  to: RefundDestination;
  /** Cash (also a cash share of 'original'): the open till whose drawer pays it out. */
  tillSessionId?: number | null;
  actor: Actor;
  idempotencyKey: string;
  now?: Date;
  /** Default: lib/payments refundPayment. */
  refundProvider?: ProviderRefunder;
}

export interface RefundReturnResult {
  refunds: { id: string; method: PaymentMethod; amountCents: number; status: 'pending' | 'succeeded' | 'failed' }[];
  creditNote: { id: number; number: string } | null;
  storeCreditIssuedCents: number;
  pointsReversed: number;
  /** True when this key had refunded already (nothing changed). */
  replayed: boolean;
}

export { EXCHANGE_PROVIDER_METHOD };

async function exchangeCoveredCents(tx: DbOrTx, exchangeOrderId: string | null): Promise<number> {
  if (!exchangeOrderId) return 0;
  const [row] = await tx
    .select({ cents: sql<number>`coalesce(sum(${payments.amountCents}), 0)::int`.mapWith(Number) })
    .from(payments)
    .where(and(eq(payments.orderId, exchangeOrderId), eq(payments.providerMethod, EXCHANGE_PROVIDER_METHOD), eq(payments.status, 'succeeded')));
  return row?.cents ?? 0;
}

async function openTill(tx: DbOrTx, tillSessionId: number | null | undefined, actor: Actor): Promise<number> {
  if (!tillSessionId) throw new DomainError('refundTillRequired', {}, 'tillSessionId');
  // FOR SHARE, as lib/till's lockOpenTillForCash: a close waits for this cash refund, so its count includes it.
  const [till] = await tx
    .select({ id: tillSessions.id, status: tillSessions.status, locationId: tillSessions.locationId })
    .from(tillSessions)
    .where(eq(tillSessions.id, tillSessionId))
    .for('share');
  if (!till || till.status !== 'open') throw new DomainError('refundTillNotOpen', {}, 'tillSessionId');
  if (!staffAt(actor, till.locationId)) throw new DomainError('forbidden');
  return till.id;
}

/**
 * Refunds what a received return is still owed — its lines (what was PAID for those units) plus
 * shipping when the whole order came back, less the part an exchange covered:
 * - 'original': split pro rata over the order's payments (splitRefund): points back as points, store
 *   credit back as store credit, card terminal / cash recorded as given back at the counter, online
 *   payments refunded through their provider OUTSIDE the transaction (pending until it answers);
 * - 'cash' (from an open till of this store), 'card_terminal', 'store_credit' (needs a customer profile).
 * In the same transaction: the credit note (once per return), the loyalty points earned on the
 * returned goods taken back pro rata, a 'refunded' order event per refund given, the audit row and the
 * customer's message. Staff of the return's location, or admins. Idempotent per key.
 * A failed provider refund can be retried with a new key: only the remainder is refunded.
 * Errors: returnNotFound, returnNotReceived, returnAlreadyRefunded, refundTillRequired, refundTillNotOpen,
 * refundNeedsCustomer, refund.exceedsPaid, forbidden.
 */
export async function refundReturn(db: DbOrTx, input: RefundReturnInput): Promise<RefundReturnResult> {
  if (!isUuid(input.returnId)) throw new DomainError('returnNotFound');
  const now = input.now ?? new Date();
  const { actor } = input;
  const result = await db.transaction(async (tx) => {
    const ret = await lockReturn(tx, input.returnId);
    if (!staffAt(actor, ret.locationId)) throw new DomainError('forbidden');
    const earlier = await tx
      .select({ id: refunds.id, method: refunds.method, amountCents: refunds.amountCents, status: refunds.status, returnId: refunds.returnId })
      .from(refunds)
      .where(like(refunds.idempotencyKey, `${input.idempotencyKey.replace(/[\\%_]/g, '\\$&')}:%`));
    if (earlier.length > 0) {
      if (earlier.some((r) => r.returnId !== ret.id)) throw new DomainError('conflict');
      return { refunds: earlier, creditNote: null, storeCreditIssuedCents: 0, pointsReversed: 0, replayed: true, provider: [] as { paymentId: string; amountCents: number; refundId: string }[] };
    }
    if (ret.status === 'requested' || ret.status === 'in_transit') throw new DomainError('returnNotReceived');
    if (ret.status !== 'received' && ret.status !== 'refunded' && ret.status !== 'closed') throw new DomainError('returnInvalidState');

    const [given] = await tx
      .select({ cents: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int`.mapWith(Number) })
      .from(refunds)
      .where(and(eq(refunds.returnId, ret.id), ne(refunds.status, 'failed')));
    const remaining = ret.refundTotalCents - (await exchangeCoveredCents(tx, ret.exchangeOrderId)) - (given?.cents ?? 0);
    if (remaining <= 0) throw new DomainError('returnAlreadyRefunded');
    const order = (await lockOrder(tx, ret.orderId))!;

    let shares: (RefundShare | { paymentId: null; method: PaymentMethod; amountCents: number })[];
    let tillSessionId: number | null = null;
    if (input.to === 'original') {
      const paid = await tx
        .select({ id: payments.id, method: payments.method, amountCents: payments.amountCents, roundingCents: payments.roundingCents, refundedCents: payments.refundedCents, providerMethod: payments.providerMethod })
        .from(payments)
        .where(and(eq(payments.orderId, order.id), eq(payments.status, 'succeeded'), eq(payments.refundDue, false)))
        .orderBy(payments.createdAt, payments.id);
      const split = splitRefund(
        remaining,
        paid.filter((p) => p.providerMethod !== EXCHANGE_PROVIDER_METHOD).map((p) => ({ id: p.id, method: p.method, paidCents: p.amountCents - p.roundingCents, refundedCents: p.refundedCents })),
      );
      if (!split) throw new DomainError('refund.exceedsPaid', { remaining });
      shares = split;
      if (split.some((s) => s.method === 'cash')) tillSessionId = await openTill(tx, input.tillSessionId, actor);
    } else {
      if (input.to === 'cash') tillSessionId = await openTill(tx, input.tillSessionId, actor);
      if (input.to === 'store_credit' && !order.customerId) throw new DomainError('refundNeedsCustomer');
      shares = [{ paymentId: null, method: input.to, amountCents: remaining }];
    }

    const out: RefundReturnResult['refunds'] = [];
    const provider: { paymentId: string; amountCents: number; refundId: string }[] = [];
    let storeCreditIssuedCents = 0;
    for (const [i, share] of shares.entries()) {
      const refundId = randomUUID();
      const key = `${input.idempotencyKey}:${i}`;
      const isProvider = share.paymentId !== null && PROVIDER_METHODS.includes(share.method);
      if (share.paymentId !== null) {
        const [p] = await tx.select({ amountCents: payments.amountCents, roundingCents: payments.roundingCents, refundedCents: payments.refundedCents }).from(payments).where(eq(payments.id, share.paymentId));
        await reserveRefund(tx, { paymentId: share.paymentId, amountCents: share.amountCents, refundId, returnId: ret.id, actorUserId: actor.userId, idempotencyKey: key, status: isProvider ? 'pending' : 'succeeded' });
        if (share.method === 'cash') await tx.update(refunds).set({ tillSessionId }).where(eq(refunds.id, refundId));
        if (share.method === 'loyalty_points') {
          await refundPointsPayment(tx, { orderId: order.id, paymentAmountCents: p.amountCents - p.roundingCents, refundedBeforeCents: p.refundedCents, amountCents: share.amountCents, refundId, actorUserId: actor.userId });
        } else if (share.method === 'store_credit' && order.customerId) {
          await restoreStoreCredit(tx, { customerId: order.customerId, amountCents: share.amountCents, orderId: order.id, refundId, actorUserId: actor.userId, reason: ret.number, idempotencyKey: `refund:${refundId}`, now });
          storeCreditIssuedCents += share.amountCents;
        }
        if (isProvider) provider.push({ paymentId: share.paymentId, amountCents: share.amountCents, refundId });
      } else {
        await tx.insert(refunds).values({
          id: refundId,
          orderId: order.id,
          returnId: ret.id,
          method: share.method,
          status: 'succeeded',
          amountCents: share.amountCents,
          tillSessionId: share.method === 'cash' ? tillSessionId : null,
          actorUserId: actor.userId,
          idempotencyKey: key,
        });
        if (share.method === 'store_credit') {
          await issueStoreCredit(tx, { customerId: order.customerId!, amountCents: share.amountCents, orderId: order.id, refundId, actorUserId: actor.userId, reason: ret.number, idempotencyKey: `refund:${refundId}`, now });
          storeCreditIssuedCents += share.amountCents;
        }
      }
      if (!isProvider) await addEvent(tx, order.id, 'refunded', actor, `${ret.number} ${share.method} ${share.amountCents}`, now);
      out.push({ id: refundId, method: share.method, amountCents: share.amountCents, status: isProvider ? 'pending' : 'succeeded' });
    }

    const note = await issueCreditNote(tx, {
      orderId: order.id,
      returnId: ret.id,
      lines: ret.lines.map((l) => ({ refundCents: l.refundCents, vatRateBp: l.vatRateBp, vatCents: l.vatCents })),
      shippingCents: ret.shippingRefundCents,
      now,
    });
    const pointsReversed = await reverseEarnedForReturn(tx, { orderId: order.id, returnId: ret.id, actorUserId: actor.userId });
    if (ret.status === 'received') {
      await tx.update(returns).set({ status: 'refunded', refundedAt: now }).where(and(eq(returns.id, ret.id), inArray(returns.status, ['received'])));
    }
    const total = out.reduce((s, r) => s + r.amountCents, 0);
    await recordAudit(tx, actor, {
      action: 'return.refunded',
      entityType: 'return',
      entityId: ret.id,
      summary: `${ret.number} refunded ${total} cents (${input.to}); credit note ${note.number}`,
      before: { status: ret.status },
      after: { status: ret.status === 'received' ? 'refunded' : ret.status, to: input.to, amountCents: total, refunds: out.length },
    });
    await notifyReturn(tx, { orderId: order.id, returnId: ret.id, number: ret.number, template: 'refund_issued', amountCents: total, method: input.to, now, causeSuffix: input.idempotencyKey });
    return { refunds: out, creditNote: { id: note.id, number: note.number }, storeCreditIssuedCents, pointsReversed, replayed: false, provider };
  });

  // Online payments: the provider is called with no transaction open (lib/payments records the outcome).
  const refunder = input.refundProvider ?? refundPayment;
  for (const p of result.provider) {
    const outcome = await refunder(db, { ...p, returnId: input.returnId, actorUserId: actor.userId }).catch(() => ({ status: 'pending' as const }));
    const row = result.refunds.find((r) => r.id === p.refundId);
    if (row) row.status = outcome.status;
  }
  const { provider: _provider, ...rest } = result;
  return rest;
}
