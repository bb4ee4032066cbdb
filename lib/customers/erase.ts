import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  returnLines,
  returns,
  conversationMessages,
  conversationThreads,
  customerAddresses,
  customers,
  emailVerificationTokens,
  notifications,
  orders,
  users,
} from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { eraseReviews } from '@/lib/reviews/customer-data';
import { eraseCustomerEvents } from '@/lib/insight/customer-events-data';

/** What an erased profile, its orders and its account are called from now on. */
export const ERASED_NAME = 'Erased customer';
/** What an erased message says instead of its text (message bodies must not be empty). */
export const ERASED_MESSAGE = '[erased]';

export interface EraseResult {
  orders: number;
  messages: number;
  addresses: number;
  notifications: number;
  reviews: number;
  accountDisabled: boolean;
}

/**
 * GDPR erase: the person's data is replaced, the accounting kept. The profile becomes "Erased customer"
 * without email, phone, card or preferences; addresses are deleted; the orders keep their amounts, VAT
 * and invoices but lose name, email, phone and address; conversation messages lose their text; product reviews are deleted; sent and
 * queued messages lose recipient and content (queued ones are not sent any more); the account, if any,
 * is disabled (signed out at once) and its login address replaced. Admins only.
 */
export async function eraseCustomer(
  db: DbOrTx,
  input: { customerId: number },
  actor: Actor,
): Promise<EraseResult> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: customers.id, erasedAt: customers.erasedAt })
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .for('update');
    if (!row) throw new DomainError('notFound');
    if (row.erasedAt) throw new DomainError('customers.alreadyErased');

    await tx
      .update(customers)
      .set({
        name: ERASED_NAME,
        email: null,
        phone: null,
        loyaltyCardNumber: null,
        preferredLocationId: null,
        notifyByEmail: false,
        notifyBySms: false,
        marketingOptIn: false,
        locale: null,
        erasedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(customers.id, row.id));
    const addresses = await tx
      .delete(customerAddresses)
      .where(eq(customerAddresses.customerId, row.id))
      .returning({ id: customerAddresses.id });

    const erasedOrders = await tx
      .update(orders)
      .set({
        email: null,
        phone: null,
        customerName: ERASED_NAME,
        // The country stays: it decides the VAT that was charged.
        shippingAddress: sql`case when ${orders.shippingAddress} is null then null else jsonb_build_object('name', ${ERASED_NAME}::text, 'street', '', 'postcode', '', 'city', '', 'country', coalesce(${orders.shippingAddress}->>'country', 'NL')) end`,
        updatedAt: sql`now()`,
      })
      .where(eq(orders.customerId, row.id))
      .returning({ id: orders.id });
    const orderIds = erasedOrders.map((o) => o.id);

    // What the person wrote about a return (free text) goes; quantities, amounts and reasons stay.
    if (orderIds.length) {
      const theirReturns = await tx
        .update(returns)
        .set({ note: null, updatedAt: sql`now()` })
        .where(inArray(returns.orderId, orderIds))
        .returning({ id: returns.id });
      if (theirReturns.length)
        await tx
          .update(returnLines)
          .set({ reasonNote: null })
          .where(
            inArray(
              returnLines.returnId,
              theirReturns.map((r) => r.id),
            ),
          );
    }

    // The person's thread and any guest threads of their orders.
    const threadWhere = orderIds.length
      ? or(eq(conversationThreads.customerId, row.id), inArray(conversationThreads.orderId, orderIds))!
      : eq(conversationThreads.customerId, row.id);
    const threads = await tx
      .update(conversationThreads)
      .set({ email: null })
      .where(threadWhere)
      .returning({ id: conversationThreads.id });
    const messages = threads.length
      ? await tx
          .update(conversationMessages)
          .set({ body: ERASED_MESSAGE })
          .where(
            inArray(
              conversationMessages.threadId,
              threads.map((t) => t.id),
            ),
          )
          .returning({ id: conversationMessages.id })
      : [];

    const notificationWhere = orderIds.length
      ? or(eq(notifications.customerId, row.id), inArray(notifications.orderId, orderIds))!
      : eq(notifications.customerId, row.id);
    const erasedNotifications = await tx
      .update(notifications)
      .set({
        recipient: 'erased',
        payload: {},
        subject: null,
        bodyText: null,
        bodyHtml: null,
        // A message still waiting would go to "erased": it is given up instead.
        status: sql`case when ${notifications.status} in ('pending', 'failed') then 'dead'::notification_status else ${notifications.status} end`,
        lastError: sql`case when ${notifications.status} in ('pending', 'failed') then 'customer erased' else ${notifications.lastError} end`,
        updatedAt: sql`now()`,
      })
      .where(notificationWhere)
      .returning({ id: notifications.id });

    const reviews = await eraseReviews(tx, row.id);
    // Touchpoints (S13): deleted, with the anonymous ones of the same visitor.
    await eraseCustomerEvents(tx, row.id);

    const accounts = await tx
      .update(users)
      .set({
        disabled: true,
        name: ERASED_NAME,
        email: sql`'erased-' || ${users.id} || '@erased.invalid'`,
        passwordHash: '!erased',
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(users.customerId, row.id), isNotNull(users.customerId)))
      .returning({ id: users.id });
    if (accounts.length)
      await tx.delete(emailVerificationTokens).where(
        inArray(
          emailVerificationTokens.userId,
          accounts.map((a) => a.id),
        ),
      );

    const result: EraseResult = {
      orders: orderIds.length,
      messages: messages.length,
      addresses: addresses.length,
      notifications: erasedNotifications.length,
      reviews,
      accountDisabled: accounts.length > 0,
    };
    await recordAudit(tx, actor, {
      action: 'customer.erased',
      entityType: 'customer',
      entityId: row.id,
      summary: 'Personal data erased (GDPR)',
      after: { ...result },
    });
    return result;
  });
}
