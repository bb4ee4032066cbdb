import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** The one NOTIFY channel of live events; each instance LISTENs once and fans out (lib/live/hub.ts). */
export const LIVE_CHANNEL = 'live_events';

export interface LiveEvent {
  /** What changed, as `<kind>:<id>`, e.g. `stock:42` (a variant) or `thread:<uuid>`. */
  topic: string;
  /** Small, non-personal hints; subscribers re-read what they may see. */
  data?: Record<string, string | number | boolean | null>;
}

/**
 * Announces a change to every instance's browsers, delivered when the caller's transaction commits
 * (and never when it rolls back). Payloads stay tiny: Postgres caps NOTIFY at 8000 bytes, and identical
 * notifications in one transaction are folded into one.
 */
export async function publishLive(db: DbOrTx, event: LiveEvent): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`);
}
