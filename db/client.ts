import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres, type PostgresJsDatabase, type PostgresJsQueryResultHKT } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquirePgliteLock } from './pglite-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/**
 * One type for both drivers. The PGlite database has the same query-builder API; only raw `execute()`
 * results differ, so domain code uses the query builder (or `rowsOf`).
 */
export type Db = PostgresJsDatabase<Schema>;
export type Tx = PgTransaction<PostgresJsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  close: () => Promise<void>;
  migrate: () => Promise<void>;
  /**
   * LISTEN on a channel (lowercase snake_case: PGlite lower-cases names). Resolves once listening, so a
   * NOTIFY sent after it is not missed; returns the unlisten function. Postgres: one extra connection.
   */
  listen: (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** Where the embedded database lives when DATABASE_URL is unset. */
export function pgliteDataDir(): string {
  return process.env.OMNISHOP_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

/**
 * Options for every PGlite opened on an Omnishop data dir: the catalog search migration creates the
 * pg_trgm and unaccent extensions, which PGlite only has when they are loaded here.
 */
export const PGLITE_OPTIONS = { extensions: { pg_trgm, unaccent } } satisfies PGliteOptions;

/** Opens a database: PostgreSQL when a URL is given, otherwise PGlite in `dataDir` (or in memory). */
export function openDatabase(options: { url?: string; dataDir?: string } = {}): DbHandle {
  if (options.url) {
    const client = postgres(options.url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
    const db = drizzlePostgres({ client, schema, casing: 'snake_case' });
    return {
      db,
      kind: 'postgres',
      close: () => client.end({ timeout: 5 }),
      migrate: () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      listen: async (channel, onNotify) => {
        const { unlisten } = await client.listen(channel, onNotify);
        return unlisten;
      },
    };
  }
  const dataDir = options.dataDir ?? pgliteDataDir();
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : acquirePgliteLock(dataDir);
  const client = new PGlite(dataDir, PGLITE_OPTIONS);
  const pgliteDb = drizzlePglite({ client, schema, casing: 'snake_case' });
  return {
    db: pgliteDb as unknown as Db,
    kind: 'pglite',
    close: async () => {
      await client.close();
      release();
    },
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, onNotify);
      return () => unlisten();
    },
  };
}

// Cached on globalThis, opened on first use: a module-level singleton gave separate PGlite instances
// to pages and route handlers inside one `next start`, and a new one per hot reload in dev.
const globalForDb = globalThis as unknown as { omnishopDb?: DbHandle };

/** The app's database handle, opened lazily (never at import time: `next build` imports modules). */
export function getDbHandle(): DbHandle {
  globalForDb.omnishopDb ??= openDatabase({ url: process.env.DATABASE_URL || undefined });
  return globalForDb.omnishopDb;
}

export function getDb(): Db {
  return getDbHandle().db;
}

/** Closes the app's handle if it was opened (on shutdown: never opens one just to close it). */
export async function closeDbHandle(): Promise<void> {
  const handle = globalForDb.omnishopDb;
  globalForDb.omnishopDb = undefined;
  await handle?.close();
}

/** Rows of a raw `db.execute(sql…)`, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
