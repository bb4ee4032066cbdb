// For tests only (the security world): completed orders to answer the survey of, and a low score for
// the admin's "Mark followed up". Imported by *.test.ts files and lib/security/world.ts.
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import { orders, satisfactionResponses } from '@/db/schema';
import { createSurveyToken } from './satisfaction-token';

/** A completed counter sale (no lines: the survey reads only the order), at the location. */
async function completedSale(db: DbOrTx, locationId: number, customerId: number | null): Promise<string> {
  const [row] = await db
    .insert(orders)
    .values({
      number: `S-${randomUUID().slice(0, 8)}`,
      channel: 'store',
      fulfilment: 'in_store',
      status: 'completed',
      stockLocationId: locationId,
      customerId,
      subtotalCents: 5000,
      discountCents: 0,
      shippingCents: 0,
      totalCents: 5000,
      vatCents: 868,
      vatBreakdown: [{ rateBp: 2100, grossCents: 5000, vatCents: 868 }],
      idempotencyKey: randomUUID(),
    })
    .returning({ id: orders.id });
  return row.id;
}

/**
 * One survey link per caller (`keys`), each for a completed sale of its own: the signed link is the
 * credential, so whoever holds one may answer it, once. And the owner's low score of another sale.
 */
export async function createSatisfactionThings<K extends string>(db: DbOrTx, options: { locationId: number; ownerCustomerId: number; keys: readonly K[] }) {
  const surveyTokens = {} as Record<K, string>;
  for (const key of options.keys) surveyTokens[key] = createSurveyToken(await completedSale(db, options.locationId, null));
  const lowScoreOrderId = await completedSale(db, options.locationId, options.ownerCustomerId);
  const [low] = await db
    .insert(satisfactionResponses)
    .values({ orderId: lowScoreOrderId, customerId: options.ownerCustomerId, channel: 'store', locationId: options.locationId, score: 1, comment: 'Long wait.' })
    .returning({ id: satisfactionResponses.id });
  return { surveyTokens, lowScoreResponseId: low.id };
}
