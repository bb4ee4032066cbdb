import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDbHandle, MIGRATIONS_FOLDER, rowsOf, type DbHandle } from '@/db/client';
import { isShuttingDown } from '@/lib/lifecycle/shutdown';
import { log } from '@/lib/logging/logger';

/**
 * Readiness of one instance for a load balancer: it may get traffic only when its database answers,
 * every committed migration has been applied (an instance of a newer build must not serve on an old
 * schema), and it is not shutting down. Liveness (is the process serving at all) is separate and never
 * looks at the database, so a database outage does not get every instance restarted.
 */
export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: { applied: number; pending: number } | null;
  shuttingDown: boolean;
  latencyMs: number;
}

interface Journal {
  entries: { tag: string; when: number }[];
}

/** Compares the journal of `migrationsFolder` with what drizzle's migrator recorded in the database. */
export async function checkReadiness(
  handle: Pick<DbHandle, 'db'>,
  options: { migrationsFolder?: string; timeoutMs?: number } = {},
): Promise<Readiness> {
  const started = Date.now();
  const shuttingDown = isShuttingDown();
  const journalFile = path.join(options.migrationsFolder ?? MIGRATIONS_FOLDER, 'meta', '_journal.json');
  const journal = JSON.parse(await fs.readFile(journalFile, 'utf8')) as Journal;
  try {
    const applied = await withTimeout(appliedMigrations(handle), options.timeoutMs ?? 3_000);
    // Drizzle applies every journal entry newer than the last one recorded (drizzle-orm pg-core dialect).
    const pending = journal.entries.filter((entry) => applied.last === null || entry.when > applied.last).length;
    return {
      ready: pending === 0 && !shuttingDown,
      database: 'ok',
      migrations: { applied: applied.count, pending },
      shuttingDown,
      latencyMs: Date.now() - started,
    };
  } catch (error) {
    log.warn({ err: error }, 'readiness: database unreachable');
    return { ready: false, database: 'unreachable', migrations: null, shuttingDown, latencyMs: Date.now() - started };
  }
}

async function appliedMigrations(handle: Pick<DbHandle, 'db'>): Promise<{ count: number; last: number | null }> {
  const [table] = rowsOf<{ present: boolean }>(
    await handle.db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!table?.present) return { count: 0, last: null };
  const [row] = rowsOf<{ count: number | string; last: string | null }>(
    await handle.db.execute(sql`select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`),
  );
  return { count: Number(row?.count ?? 0), last: row?.last == null ? null : Number(row.last) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The app's own readiness (the handle is opened on first use, like every query). */
export async function getReadiness(): Promise<Readiness> {
  let handle: DbHandle;
  try {
    handle = getDbHandle();
  } catch (error) {
    // E.g. the embedded database is locked by another process.
    log.warn({ err: error }, 'readiness: database could not be opened');
    return { ready: false, database: 'unreachable', migrations: null, shuttingDown: isShuttingDown(), latencyMs: 0 };
  }
  return checkReadiness(handle);
}
