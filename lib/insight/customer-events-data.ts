import { asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { customerEvents, experimentExposures, satisfactionResponses } from '@/db/schema';

// A customer's touchpoints in the GDPR export, erase and profile merge (lib/customers), in their transaction.

/** The customer's touchpoints for the GDPR export, oldest first (no visitor id: an internal key). */
export async function exportCustomerEvents(db: DbOrTx, customerId: number) {
  return db
    .select({
      type: customerEvents.type,
      channel: customerEvents.channel,
      locationId: customerEvents.locationId,
      orderId: customerEvents.orderId,
      productId: customerEvents.productId,
      valueCents: customerEvents.valueCents,
      utmSource: customerEvents.utmSource,
      utmMedium: customerEvents.utmMedium,
      utmCampaign: customerEvents.utmCampaign,
      referrer: customerEvents.referrer,
      at: customerEvents.occurredAt,
    })
    .from(customerEvents)
    .where(eq(customerEvents.customerId, customerId))
    .orderBy(asc(customerEvents.occurredAt), asc(customerEvents.id));
}

/**
 * Erase: deletes the customer's touchpoints and the anonymous ones of their visitor ids (the same person
 * before signing in), and unlinks the visitor id and source from their orders. Returns the events deleted.
 */
export async function eraseCustomerEvents(db: DbOrTx, customerId: number): Promise<number> {
  const gone = await db.execute(sql`
    with visitors as (select distinct visitor_id from customer_events where customer_id = ${customerId} and visitor_id is not null)
    delete from customer_events
    where customer_id = ${customerId} or visitor_id in (select visitor_id from visitors)
    returning id`);
  await db.execute(sql`
    update orders set visitor_id = null, referrer = null
    where customer_id = ${customerId} and (visitor_id is not null or referrer is not null)`);
  return rowsOf(gone).length;
}

/**
 * Merge of two profiles (both merges: lib/identity/profile-merge via mergeAfterSales): the merged one's
 * touchpoints, survey answers and experiment exposures become the kept one's. Segments are recomputed
 * by the callers once the orders have moved.
 */
export async function mergeCustomerInsight(db: DbOrTx, goneId: number, keepId: number): Promise<void> {
  await db.update(customerEvents).set({ customerId: keepId }).where(eq(customerEvents.customerId, goneId));
  await db.update(satisfactionResponses).set({ customerId: keepId }).where(eq(satisfactionResponses.customerId, goneId));
  await db.update(experimentExposures).set({ customerId: keepId }).where(eq(experimentExposures.customerId, goneId));
}
