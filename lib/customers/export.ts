import 'server-only';
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  cartLines,
  carts,
  conversationMessages,
  conversationThreads,
  customerAddresses,
  customers,
  invoices,
  loyaltyAccounts,
  loyaltyEntries,
  notifications,
  orderEvents,
  orderLines,
  orders,
  payments,
  refunds,
  returnLines,
  returns,
  storeCreditAccounts,
  storeCreditEntries,
  users,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { exportReviews } from '@/lib/reviews/customer-data';
import { exportCustomerEvents } from '@/lib/insight/customer-events-data';

/** The format of the export, so a reader of an old file knows what it holds. */
export const EXPORT_VERSION = 1;

/**
 * GDPR export (right of access): everything the shop holds about one person, as plain JSON — profile,
 * preferences, account (never its password hash), addresses, orders with lines, events, payments and
 * invoices, returns and refunds, the conversation, product reviews, loyalty and store-credit balances and entries, carts, and
 * the messages sent to them. The
 * export itself is recorded in the audit log. Admins only.
 */
export async function exportCustomer(db: DbOrTx, input: { customerId: number; now?: Date }, actor: Actor) {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        phone: customers.phone,
        loyaltyCardNumber: customers.loyaltyCardNumber,
        preferredLocationId: customers.preferredLocationId,
        notifyByEmail: customers.notifyByEmail,
        notifyBySms: customers.notifyBySms,
        marketingOptIn: customers.marketingOptIn,
        locale: customers.locale,
        mergedIntoCustomerId: customers.mergedIntoCustomerId,
        erasedAt: customers.erasedAt,
        createdAt: customers.createdAt,
        updatedAt: customers.updatedAt,
      })
      .from(customers)
      .where(eq(customers.id, input.customerId));
    if (!profile) throw new DomainError('notFound');
    const id = profile.id;

    const [account] = await tx
      .select({
        email: users.email,
        name: users.name,
        role: users.role,
        locale: users.locale,
        disabled: users.disabled,
        emailVerifiedAt: users.emailVerifiedAt,
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.customerId, id));
    const addresses = await tx
      .select()
      .from(customerAddresses)
      .where(eq(customerAddresses.customerId, id))
      .orderBy(asc(customerAddresses.id));

    const orderRows = await tx
      .select({
        id: orders.id,
        number: orders.number,
        channel: orders.channel,
        fulfilment: orders.fulfilment,
        status: orders.status,
        email: orders.email,
        phone: orders.phone,
        customerName: orders.customerName,
        shippingAddress: orders.shippingAddress,
        promotionCodes: orders.promotionCodes,
        subtotalCents: orders.subtotalCents,
        discountCents: orders.discountCents,
        shippingCents: orders.shippingCents,
        totalCents: orders.totalCents,
        vatCents: orders.vatCents,
        carrier: orders.carrier,
        trackingNumber: orders.trackingNumber,
        placedAt: orders.placedAt,
      })
      .from(orders)
      .where(eq(orders.customerId, id))
      .orderBy(asc(orders.placedAt));
    const orderIds = orderRows.map((o) => o.id);
    const byOrder = async <T extends { orderId: string }>(rows: Promise<T[]>) => {
      const map = new Map<string, Omit<T, 'orderId'>[]>();
      for (const { orderId, ...rest } of await rows) map.set(orderId, [...(map.get(orderId) ?? []), rest]);
      return map;
    };
    const lines = await byOrder(
      tx
        .select({
          orderId: orderLines.orderId,
          sku: orderLines.sku,
          productName: orderLines.productName,
          variantLabel: orderLines.variantLabel,
          quantity: orderLines.quantity,
          unitPriceCents: orderLines.unitPriceCents,
          discountCents: orderLines.discountCents,
          lineTotalCents: orderLines.lineTotalCents,
          vatRateBp: orderLines.vatRateBp,
        })
        .from(orderLines)
        .where(inArray(orderLines.orderId, orderIds))
        .orderBy(asc(orderLines.id)),
    );
    const events = await byOrder(
      tx
        .select({
          orderId: orderEvents.orderId,
          type: orderEvents.type,
          toStatus: orderEvents.toStatus,
          note: orderEvents.note,
          at: orderEvents.createdAt,
        })
        .from(orderEvents)
        .where(inArray(orderEvents.orderId, orderIds))
        .orderBy(asc(orderEvents.id)),
    );
    const paid = await byOrder(
      tx
        .select({
          orderId: payments.orderId,
          method: payments.method,
          status: payments.status,
          amountCents: payments.amountCents,
          at: payments.createdAt,
        })
        .from(payments)
        .where(inArray(payments.orderId, orderIds))
        .orderBy(asc(payments.createdAt)),
    );
    const invoiced = await byOrder(
      tx
        .select({
          orderId: invoices.orderId,
          number: invoices.number,
          kind: invoices.kind,
          totalCents: invoices.totalCents,
          vatCents: invoices.vatCents,
          issuedAt: invoices.issuedAt,
        })
        .from(invoices)
        .where(inArray(invoices.orderId, orderIds)),
    );

    const returned = await byOrder(
      tx
        .select({
          orderId: returns.orderId,
          id: returns.id,
          number: returns.number,
          method: returns.method,
          status: returns.status,
          refundTotalCents: returns.refundTotalCents,
          requestedAt: returns.requestedAt,
          receivedAt: returns.receivedAt,
        })
        .from(returns)
        .where(inArray(returns.orderId, orderIds))
        .orderBy(asc(returns.requestedAt)),
    );
    const returnIds = [...returned.values()].flat().map((r) => r.id);
    const returnedLines = returnIds.length
      ? await tx
          .select({
            returnId: returnLines.returnId,
            orderLineId: returnLines.orderLineId,
            quantity: returnLines.quantity,
            reason: returnLines.reason,
            reasonNote: returnLines.reasonNote,
            condition: returnLines.condition,
            refundCents: returnLines.refundCents,
          })
          .from(returnLines)
          .where(inArray(returnLines.returnId, returnIds))
          .orderBy(asc(returnLines.id))
      : [];
    const refunded = await byOrder(
      tx
        .select({
          orderId: refunds.orderId,
          method: refunds.method,
          status: refunds.status,
          amountCents: refunds.amountCents,
          at: refunds.createdAt,
        })
        .from(refunds)
        .where(inArray(refunds.orderId, orderIds))
        .orderBy(asc(refunds.createdAt)),
    );

    const threads = await tx
      .select({
        id: conversationThreads.id,
        status: conversationThreads.status,
        createdAt: conversationThreads.createdAt,
      })
      .from(conversationThreads)
      .where(
        orderIds.length
          ? or(eq(conversationThreads.customerId, id), inArray(conversationThreads.orderId, orderIds))
          : eq(conversationThreads.customerId, id),
      );
    const messages = threads.length
      ? await tx
          .select({
            threadId: conversationMessages.threadId,
            channel: conversationMessages.channel,
            author: conversationMessages.author,
            body: conversationMessages.body,
            at: conversationMessages.createdAt,
          })
          .from(conversationMessages)
          .where(
            inArray(
              conversationMessages.threadId,
              threads.map((t) => t.id),
            ),
          )
          .orderBy(asc(conversationMessages.createdAt), asc(conversationMessages.id))
      : [];

    const [loyaltyAccount] = await tx
      .select({ balance: loyaltyAccounts.balance })
      .from(loyaltyAccounts)
      .where(eq(loyaltyAccounts.customerId, id));
    const points = await tx
      .select({
        kind: loyaltyEntries.kind,
        points: loyaltyEntries.points,
        orderId: loyaltyEntries.orderId,
        reason: loyaltyEntries.reason,
        at: loyaltyEntries.createdAt,
      })
      .from(loyaltyEntries)
      .where(eq(loyaltyEntries.customerId, id))
      .orderBy(asc(loyaltyEntries.createdAt), asc(loyaltyEntries.id));

    const [creditAccount] = await tx
      .select({ balanceCents: storeCreditAccounts.balanceCents })
      .from(storeCreditAccounts)
      .where(eq(storeCreditAccounts.customerId, id));
    const credit = await tx
      .select({
        kind: storeCreditEntries.kind,
        amountCents: storeCreditEntries.amountCents,
        orderId: storeCreditEntries.orderId,
        expiresAt: storeCreditEntries.expiresAt,
        reason: storeCreditEntries.reason,
        at: storeCreditEntries.createdAt,
      })
      .from(storeCreditEntries)
      .where(eq(storeCreditEntries.customerId, id))
      .orderBy(asc(storeCreditEntries.createdAt), asc(storeCreditEntries.id));

    const cartRows = await tx
      .select({ id: carts.id, channel: carts.channel, status: carts.status, createdAt: carts.createdAt })
      .from(carts)
      .where(eq(carts.customerId, id));
    const cartLineRows = cartRows.length
      ? await tx
          .select({ cartId: cartLines.cartId, variantId: cartLines.variantId, quantity: cartLines.quantity })
          .from(cartLines)
          .where(
            inArray(
              cartLines.cartId,
              cartRows.map((c) => c.id),
            ),
          )
      : [];

    const sent = await tx
      .select({
        channel: notifications.channel,
        recipient: notifications.recipient,
        templateKey: notifications.templateKey,
        status: notifications.status,
        subject: notifications.subject,
        sentAt: notifications.sentAt,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(
        orderIds.length
          ? or(eq(notifications.customerId, id), inArray(notifications.orderId, orderIds))
          : eq(notifications.customerId, id),
      )
      .orderBy(asc(notifications.createdAt));

    const reviews = await exportReviews(tx, id);
    const touchpoints = await exportCustomerEvents(tx, id);

    await recordAudit(tx, actor, {
      action: 'customer.exported',
      entityType: 'customer',
      entityId: id,
      summary: 'GDPR export downloaded',
    });

    return {
      format: 'omnishop.customer-export',
      version: EXPORT_VERSION,
      exportedAt: (input.now ?? new Date()).toISOString(),
      profile,
      account: account ?? null,
      addresses: addresses.map(({ customerId: _c, ...a }) => a),
      orders: orderRows.map((o) => ({
        ...o,
        lines: lines.get(o.id) ?? [],
        events: events.get(o.id) ?? [],
        payments: paid.get(o.id) ?? [],
        invoices: invoiced.get(o.id) ?? [],
        returns: (returned.get(o.id) ?? []).map(({ id: returnId, ...r }) => ({
          ...r,
          lines: returnedLines.filter((l) => l.returnId === returnId).map(({ returnId: _r, ...l }) => l),
        })),
        refunds: refunded.get(o.id) ?? [],
      })),
      conversations: threads.map((t) => ({
        ...t,
        messages: messages.filter((m) => m.threadId === t.id).map(({ threadId: _t, ...m }) => m),
      })),
      reviews,
      loyalty: { balance: loyaltyAccount?.balance ?? 0, entries: points },
      storeCredit: { balanceCents: creditAccount?.balanceCents ?? 0, entries: credit },
      carts: cartRows.map((c) => ({
        ...c,
        lines: cartLineRows.filter((l) => l.cartId === c.id).map(({ cartId: _c, ...l }) => l),
      })),
      messagesSent: sent,
      touchpoints,
    };
  });
}

export type CustomerExport = Awaited<ReturnType<typeof exportCustomer>>;
