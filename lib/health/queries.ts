import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, getDbHandle } from '@/db/client';
import { checkReadiness } from './readiness';

export interface Health {
  ok: boolean;
  /** Operator-only details (see app/api/health/route.ts). */
  database: 'postgres' | 'pglite' | 'unreachable';
  latencyMs: number;
  /** Committed migrations not yet applied (asked for with `details`); null when not asked or not known. */
  pendingMigrations: number | null;
}

/** Liveness of the app and its database, for load balancers, the e2e web server wait and operators. */
export async function checkHealth(options: { details?: boolean } = {}): Promise<Health> {
  const started = Date.now();
  try {
    await getDb().execute(sql`select 1`);
    const latencyMs = Date.now() - started;
    // The same count readiness uses; two reads of a tiny table, only for an operator.
    const pendingMigrations = options.details
      ? ((await checkReadiness(getDbHandle())).migrations?.pending ?? null)
      : null;
    return { ok: true, database: getDbHandle().kind, latencyMs, pendingMigrations };
  } catch (error) {
    console.error('[health] database check failed', error);
    return { ok: false, database: 'unreachable', latencyMs: Date.now() - started, pendingMigrations: null };
  }
}
