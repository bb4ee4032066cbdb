import { and, eq, isNull } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import type { DbOrTx } from '@/db/client';
import { conversationMessages, conversationThreads, orders, satisfactionResponses, type OrderStatus } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { publishThreadChange } from '@/lib/conversations/live';
import { findCustomerThread, findGuestThread } from '@/lib/conversations/threads';
import { DomainError } from '@/lib/errors';
import { DEFAULT_LOCALE } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';
import { verifySurveyToken } from './satisfaction-token';

/** The statuses after which an order may be rated: delivered, collected, or sold at the counter. */
export const SURVEY_STATUSES: ReadonlySet<OrderStatus> = new Set(['delivered', 'collected', 'completed']);
/** Scores at or below this are low: passed on to the customer's conversation and listed for follow-up. */
export const LOW_SCORE = 2;

export interface SurveyOrder {
  id: string;
  number: string;
  status: OrderStatus;
  channel: 'web' | 'store';
  customerId: number | null;
  /** The store the purchase belongs to: where it was collected or sold, else the one that sent it. */
  locationId: number;
}

async function surveyOrder(db: DbOrTx, orderId: string): Promise<SurveyOrder | null> {
  const [row] = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      channel: orders.channel,
      customerId: orders.customerId,
      pickupLocationId: orders.pickupLocationId,
      stockLocationId: orders.stockLocationId,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!row) return null;
  const { pickupLocationId, stockLocationId, ...order } = row;
  return { ...order, locationId: pickupLocationId ?? stockLocationId };
}

/** The score given for an order, or null when it has not been rated. */
export async function getOrderRating(db: DbOrTx, orderId: string): Promise<{ score: number } | null> {
  const [row] = await db.select({ score: satisfactionResponses.score }).from(satisfactionResponses).where(eq(satisfactionResponses.orderId, orderId));
  return row ?? null;
}

export type SurveyState =
  | { kind: 'invalid' }
  | { kind: 'notCompleted'; order: SurveyOrder }
  | { kind: 'open'; order: SurveyOrder }
  | { kind: 'answered'; order: SurveyOrder; score: number };

/** What the survey page of `token` shows: an error, the question, or the thanks with the score given. */
export async function getSurveyState(db: DbOrTx, token: string): Promise<SurveyState> {
  const orderId = verifySurveyToken(token);
  const order = orderId ? await surveyOrder(db, orderId) : null;
  if (!order) return { kind: 'invalid' };
  if (!SURVEY_STATUSES.has(order.status)) return { kind: 'notCompleted', order };
  const rating = await getOrderRating(db, order.id);
  return rating ? { kind: 'answered', order, score: rating.score } : { kind: 'open', order };
}

export interface SubmitSatisfactionInput {
  token: string;
  score: number;
  comment?: string | null;
}

/**
 * Records the one answer of an order's survey. The token is the only credential (the link from the
 * email, the receipt's QR or the order page). A low score (≤ LOW_SCORE) is noted, in the same
 * transaction, in the customer's conversation when they have one (a staff note: the customer does not
 * see it). Once per order: the unique index decides between two submits at once — the second gets
 * 'satisfaction.alreadyAnswered' and nothing changes.
 *
 * Errors (DomainError): satisfaction.invalidToken (forged, tampered, unknown order),
 * satisfaction.notCompleted, satisfaction.alreadyAnswered.
 */
export async function submitSatisfaction(
  db: DbOrTx,
  input: SubmitSatisfactionInput,
  now = new Date(),
): Promise<{ responseId: number; orderNumber: string; notedInThread: string | null }> {
  const orderId = verifySurveyToken(input.token);
  if (!orderId) throw new DomainError('satisfaction.invalidToken');
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) throw new DomainError('invalidState');
  const comment = input.comment?.trim() ? input.comment.trim().slice(0, 1000) : null;
  return db.transaction(async (tx) => {
    const order = await surveyOrder(tx, orderId);
    if (!order) throw new DomainError('satisfaction.invalidToken');
    if (!SURVEY_STATUSES.has(order.status)) throw new DomainError('satisfaction.notCompleted');
    const [row] = await tx
      .insert(satisfactionResponses)
      .values({ orderId: order.id, customerId: order.customerId, channel: order.channel, locationId: order.locationId, score: input.score, comment, createdAt: now })
      .onConflictDoNothing({ target: satisfactionResponses.orderId })
      .returning({ id: satisfactionResponses.id });
    if (!row) throw new DomainError('satisfaction.alreadyAnswered');
    const notedInThread = input.score <= LOW_SCORE ? await noteLowScore(tx, order, input.score, comment, now) : null;
    return { responseId: row.id, orderNumber: order.number, notedInThread };
  });
}

/** A low score as a staff note in the customer's (or the guest order's) existing thread; null when there is none. */
async function noteLowScore(tx: DbOrTx, order: SurveyOrder, score: number, comment: string | null, now: Date): Promise<string | null> {
  const thread = order.customerId !== null ? await findCustomerThread(tx, order.customerId, true) : await findGuestThread(tx, order.id, true);
  if (!thread) return null;
  // Staff read the inbox in the shop's language.
  const t = createTranslator({ locale: DEFAULT_LOCALE, messages: MESSAGES[DEFAULT_LOCALE], namespace: 'satisfaction' });
  const body = t('note', { number: order.number, score, comment: comment ?? '' }).trim().slice(0, 2000);
  await tx.insert(conversationMessages).values({
    threadId: thread.id,
    orderId: order.id,
    channel: 'in_store_note',
    author: 'staff',
    authorUserId: null,
    body,
    readByStaffAt: now,
    createdAt: now,
  });
  await tx.update(conversationThreads).set({ status: 'open', lastMessageAt: now, updatedAt: now }).where(eq(conversationThreads.id, thread.id));
  await publishThreadChange(tx, thread.id, [thread.locationId]);
  return thread.id;
}

/**
 * An admin marks a response as followed up (audited). Errors: satisfaction.responseNotFound; a response
 * already marked stays as it was (conflict).
 */
export async function markSatisfactionFollowedUp(db: DbOrTx, responseId: number, actor: Actor, now = new Date()): Promise<{ orderNumber: string }> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: satisfactionResponses.id, followedUpAt: satisfactionResponses.followedUpAt, number: orders.number, score: satisfactionResponses.score })
      .from(satisfactionResponses)
      .innerJoin(orders, eq(orders.id, satisfactionResponses.orderId))
      .where(eq(satisfactionResponses.id, responseId));
    if (!found) throw new DomainError('satisfaction.responseNotFound');
    const [moved] = await tx
      .update(satisfactionResponses)
      .set({ followedUpAt: now })
      .where(and(eq(satisfactionResponses.id, responseId), isNull(satisfactionResponses.followedUpAt)))
      .returning({ id: satisfactionResponses.id });
    if (!moved) throw new DomainError('conflict');
    await recordAudit(tx, actor, {
      action: 'satisfaction.followed_up',
      entityType: 'satisfaction_response',
      entityId: responseId,
      summary: `Order ${found.number}: score ${found.score} followed up`,
      before: { followedUpAt: null },
      after: { followedUpAt: now.toISOString() },
    });
    return { orderNumber: found.number };
  });
}
