import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, getDbHandle } from '@/db/client';

/** Liveness of the app and its database, for load balancers and the e2e web server wait. */
export async function checkHealth(): Promise<{ ok: boolean; database: string; latencyMs: number }> {
  const started = Date.now();
  try {
    await getDb().execute(sql`select 1`);
    return { ok: true, database: getDbHandle().kind, latencyMs: Date.now() - started };
  } catch (error) {
    console.error('[health] database check failed', error);
    return { ok: false, database: 'unreachable', latencyMs: Date.now() - started };
  }
}
