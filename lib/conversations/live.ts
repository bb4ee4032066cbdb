import type { DbOrTx } from '@/db/client';
import { publishLive } from '@/lib/live/publish';

// Live topics of the conversations room (rules in lib/live/access.ts): a thread's page listens to
// `thread:<id>`; the counter's navigation to its store's inbox and the unassigned one; the admin's to all.

export const threadTopic = (threadId: string) => `thread:${threadId}`;
/** The inbox a thread belongs to: its store's, or "unassigned" when it has no store. */
export const inboxTopic = (locationId: number | null) => (locationId === null ? 'inbox:unassigned' : `inbox:${locationId}`);
export const ALL_INBOXES_TOPIC = 'inbox:all';

/**
 * Announces a change of a thread (on commit): to whoever has it open and to the inboxes that list it —
 * before and after a move to another store, so the old store's count drops too.
 */
export async function publishThreadChange(db: DbOrTx, threadId: string, locationIds: (number | null)[]): Promise<void> {
  const topics = new Set([threadTopic(threadId), ...locationIds.map(inboxTopic), ALL_INBOXES_TOPIC]);
  for (const topic of topics) await publishLive(db, { topic });
}

/** Only the thread's own viewers: a change that no inbox count depends on (the customer read an answer). */
export async function publishThreadOnly(db: DbOrTx, threadId: string): Promise<void> {
  await publishLive(db, { topic: threadTopic(threadId) });
}
