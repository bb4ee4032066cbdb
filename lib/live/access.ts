import 'server-only';
import type { DbOrTx } from '@/db/client';
import { mayWatchInbox, mayWatchThread } from '@/lib/conversations/access';
import type { Actor } from '@/lib/identity/queries';
import { mayWatchOrder, mayWatchPickups } from '@/lib/orders/live-access';

export interface LiveViewer {
  actor: Actor | null;
  /** Orders this browser placed as a guest (the signed guest-orders cookie). */
  guestOrderIds: string[];
}

type TopicRule = (db: DbOrTx, viewer: LiveViewer, id: string) => Promise<boolean>;

/**
 * Who may watch which topic, by kind. A topic not listed here is never streamed; a room that publishes
 * a new kind adds its rule here. Stock levels are public (they are on every product page).
 */
const TOPIC_RULES: Record<string, TopicRule> = {
  stock: async (_db, _viewer, id) => /^\d{1,10}$/.test(id),
  // A conversation: its customer, the guest browser holding its order, staff allowed on it.
  thread: (db, viewer, id) => mayWatchThread(db, viewer, id),
  // Unread counts: a store's inbox for its clerks, `unassigned` for all staff, `all` for admins.
  inbox: async (_db, viewer, id) => mayWatchInbox(viewer.actor, id),
  // An order's status: its customer, the guest browser that placed it, admins, clerks of its store.
  order: (db, viewer, id) => mayWatchOrder(db, viewer, id),
  // A store's click & collect queue: its clerks and admins.
  pickups: async (_db, viewer, id) => mayWatchPickups(viewer.actor, id),
};

export const MAX_TOPICS = 50;

/** The requested topics this viewer may watch (others are dropped silently: a page asks, it doesn't demand). */
export async function allowedTopics(db: DbOrTx, viewer: LiveViewer, requested: string[]): Promise<string[]> {
  const unique = [...new Set(requested)].slice(0, MAX_TOPICS);
  const allowed: string[] = [];
  for (const topic of unique) {
    const at = topic.indexOf(':');
    const rule = at > 0 ? TOPIC_RULES[topic.slice(0, at)] : undefined;
    if (rule && (await rule(db, viewer, topic.slice(at + 1)))) allowed.push(topic);
  }
  return allowed;
}
