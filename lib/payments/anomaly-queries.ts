import 'server-only';
import { and, desc, eq, inArray, isNull, notExists } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, paymentAnomalies, payments, refunds } from '@/db/schema';

export type PaymentAnomalyKind = (typeof paymentAnomalies.$inferSelect)['kind'];

export interface PaymentAnomalyDto {
  /** Stable per item, e.g. for React keys: 'anomaly:<id>' or 'refund:<payment id>'. */
  key: string;
  /** What went wrong; 'refund_due' for money owed back that no open anomaly explains. */
  kind: PaymentAnomalyKind | 'refund_due';
  orderId: string | null;
  orderNumber: string | null;
  providerReference: string | null;
  /** What the provider reported for an anomaly, else the payment's amount; null when unknown. */
  amountCents: number | null;
  /** The payment is owed back to the customer (not refunded yet). */
  refundDue: boolean;
  /** The payment concerned, when known. */
  paymentId: string | null;
  /** Its latest refund's state: the outcome of the automatic refund (or of an admin's Retry). */
  refund: { status: 'pending' | 'succeeded' | 'failed'; failureReason: string | null } | null;
  /** An online payment owed back with no refund under way: the admin may Retry the refund. */
  retryable: boolean;
  createdAt: Date;
}

const LIMIT = 50;

/**
 * Payments that need an admin, newest first: the open (unresolved) webhook anomalies, and payments
 * owed back (`refundDue`) that no open anomaly already lists. For admins only — the caller checks.
 */
export async function listPaymentAnomalies(db: DbOrTx): Promise<PaymentAnomalyDto[]> {
  const anomalies = await db
    .select({
      id: paymentAnomalies.id,
      kind: paymentAnomalies.kind,
      orderId: paymentAnomalies.orderId,
      orderNumber: orders.number,
      providerReference: paymentAnomalies.providerReference,
      detail: paymentAnomalies.detail,
      paymentAmountCents: payments.amountCents,
      refundDue: payments.refundDue,
      paymentId: paymentAnomalies.paymentId,
      method: payments.method,
      createdAt: paymentAnomalies.createdAt,
    })
    .from(paymentAnomalies)
    .leftJoin(orders, eq(orders.id, paymentAnomalies.orderId))
    .leftJoin(payments, eq(payments.id, paymentAnomalies.paymentId))
    .where(isNull(paymentAnomalies.resolvedAt))
    .orderBy(desc(paymentAnomalies.createdAt), desc(paymentAnomalies.id))
    .limit(LIMIT);

  const owed = await db
    .select({
      id: payments.id,
      orderId: payments.orderId,
      orderNumber: orders.number,
      providerReference: payments.providerReference,
      amountCents: payments.amountCents,
      method: payments.method,
      updatedAt: payments.updatedAt,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(payments.refundDue, true),
        notExists(
          db
            .select({ id: paymentAnomalies.id })
            .from(paymentAnomalies)
            .where(and(eq(paymentAnomalies.paymentId, payments.id), isNull(paymentAnomalies.resolvedAt))),
        ),
      ),
    )
    .orderBy(desc(payments.updatedAt))
    .limit(LIMIT);

  const latest = await latestRefunds(db, [...anomalies.map((a) => a.paymentId), ...owed.map((p) => p.id)].filter((id): id is string => !!id));
  const refundOf = (paymentId: string | null) => (paymentId ? (latest.get(paymentId) ?? null) : null);
  const retryable = (paymentId: string | null, method: string | null, refundDue: boolean) =>
    !!paymentId && refundDue && (method === 'test_provider' || method === 'mollie') && refundOf(paymentId)?.status !== 'pending';

  const items: PaymentAnomalyDto[] = [
    ...anomalies.map((a) => ({
      key: `anomaly:${a.id}`,
      kind: a.kind,
      orderId: a.orderId,
      orderNumber: a.orderNumber,
      providerReference: a.providerReference,
      amountCents: receivedCents(a.detail) ?? a.paymentAmountCents,
      refundDue: a.refundDue ?? false,
      paymentId: a.paymentId,
      refund: refundOf(a.paymentId),
      retryable: retryable(a.paymentId, a.method, a.refundDue ?? false),
      createdAt: a.createdAt,
    })),
    ...owed.map((p) => ({
      key: `refund:${p.id}`,
      kind: 'refund_due' as const,
      orderId: p.orderId,
      orderNumber: p.orderNumber,
      providerReference: p.providerReference,
      amountCents: p.amountCents,
      refundDue: true,
      paymentId: p.id,
      refund: refundOf(p.id),
      retryable: retryable(p.id, p.method, true),
      createdAt: p.updatedAt,
    })),
  ];
  return items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, LIMIT);
}

/** Each payment's newest refund (status and why it failed). */
async function latestRefunds(db: DbOrTx, paymentIds: string[]): Promise<Map<string, NonNullable<PaymentAnomalyDto['refund']>>> {
  const map = new Map<string, NonNullable<PaymentAnomalyDto['refund']>>();
  if (paymentIds.length === 0) return map;
  const rows = await db
    .select({ paymentId: refunds.paymentId, status: refunds.status, failureReason: refunds.failureReason })
    .from(refunds)
    .where(inArray(refunds.paymentId, paymentIds))
    .orderBy(desc(refunds.createdAt));
  for (const r of rows) if (r.paymentId && !map.has(r.paymentId)) map.set(r.paymentId, { status: r.status, failureReason: r.failureReason });
  return map;
}

/** The amount settlePayment noted from the provider's event (see recordAnomaly), if readable. */
function receivedCents(detail: string | null): number | null {
  if (!detail) return null;
  try {
    const value = (JSON.parse(detail) as { receivedCents?: unknown }).receivedCents;
    return Number.isSafeInteger(value) ? (value as number) : null;
  } catch {
    return null;
  }
}
