import 'server-only';
import { and, desc, eq, isNull, notExists } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, paymentAnomalies, payments } from '@/db/schema';

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

  const items: PaymentAnomalyDto[] = [
    ...anomalies.map((a) => ({
      key: `anomaly:${a.id}`,
      kind: a.kind,
      orderId: a.orderId,
      orderNumber: a.orderNumber,
      providerReference: a.providerReference,
      amountCents: receivedCents(a.detail) ?? a.paymentAmountCents,
      refundDue: a.refundDue ?? false,
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
      createdAt: p.updatedAt,
    })),
  ];
  return items.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, LIMIT);
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
