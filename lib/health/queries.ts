import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb, getDbHandle, MIGRATIONS_FOLDER, rowsOf, type DbOrTx } from '@/db/client';

export interface Health {
  ok: boolean;
  /** Operator-only details (see app/api/health/route.ts). */
  database: 'postgres' | 'pglite' | 'unreachable';
  latencyMs: number;
  /** Committed migrations not yet applied; null when it could not be told. */
  pendingMigrations: number | null;
}

/** Liveness of the app and its database, for load balancers, the e2e web server wait and operators. */
export async function checkHealth(options: { details?: boolean } = {}): Promise<Health> {
  const started = Date.now();
  try {
    const db = getDb();
    await db.execute(sql`select 1`);
    const latencyMs = Date.now() - started;
    const pendingMigrations = options.details ? await countPendingMigrations(db) : null;
    return { ok: true, database: getDbHandle().kind, latencyMs, pendingMigrations };
  } catch (error) {
    console.error('[health] database check failed', error);
    return { ok: false, database: 'unreachable', latencyMs: Date.now() - started, pendingMigrations: null };
  }
}

/**
 * Journal entries newer than the last applied migration — the rule drizzle's migrator applies
 * (`created_at < folderMillis`). Two reads of a tiny table plus the journal file: cheap enough for an
 * operator's probe, not done for anyone else.
 */
export async function countPendingMigrations(db: DbOrTx, folder = MIGRATIONS_FOLDER): Promise<number | null> {
  try {
    const journal = JSON.parse(await fs.readFile(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    const [row] = rowsOf<{ present: boolean }>(
      await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
    );
    let last = 0;
    if (row?.present) {
      const [applied] = rowsOf<{ last: string | number | null }>(
        await db.execute(sql`select max(created_at) as last from drizzle.__drizzle_migrations`),
      );
      last = Number(applied?.last ?? 0);
    }
    return journal.entries.filter((e) => e.when > last).length;
  } catch (error) {
    console.error('[health] could not count pending migrations', error);
    return null;
  }
}
