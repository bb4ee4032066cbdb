import type { Db, DbHandle, DbOrTx } from '../../db/client';

// Relative imports only: scripts load this room under tsx.

/**
 * The NOTIFY channel on which the database announces a change of a cached table (payload: the table's
 * name). Sent by triggers (migration 0011), so every writer — admin actions, imports, the seed, a psql
 * session — is covered, and delivered on commit to every instance, this one included.
 */
export const TABLES_CHANNEL = 'tables_changed';

/** The tables the triggers announce; an entry may depend only on these. */
export const CACHED_TABLES = ['promotions', 'promotion_codes', 'experiments', 'experiment_variants', 'locations'] as const;
export type CachedTable = (typeof CACHED_TABLES)[number];
const isCachedTable = (name: string): name is CachedTable => (CACHED_TABLES as readonly string[]).includes(name);

type Listen = DbHandle['listen'];

interface Entry {
  value: Promise<unknown>;
  tables: readonly CachedTable[];
  /** The moment (epoch ms) it was read for: a read for an earlier moment does not take it. */
  validFrom: number;
  /** Epoch ms from which the entry no longer holds (a promotion starts or ends); Infinity = until a change. */
  validUntil: number;
}

/** What a loader returns: the value, and until when it holds even without a change of its tables. */
export interface Loaded<T> {
  value: T;
  validUntil?: number;
}

/**
 * One instance's cache of values read from a few rarely written tables, for one database. Exact, not
 * time-based: an entry lives until a NOTIFY on TABLES_CHANNEL names one of its tables, or until its own
 * `validUntil` (a moment at which the value changes by itself, such as a promotion's start). A read that
 * was in flight while one of its tables changed is not stored, so an old value never outlives a change.
 */
export class TableCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generation = new Map<CachedTable, number>();
  private unlisten: (() => Promise<void>) | null = null;
  /** Called after each invalidation (tests wait on it; nothing else should). */
  onInvalidate: ((table: CachedTable | null) => void) | null = null;

  constructor(readonly db: Db) {}

  /**
   * The cached value of `key`, or `load()`'s — stored only if none of `tables` changed meanwhile. `now`:
   * the moment `load` reads for; the entry serves the moments from it up to its `validUntil`.
   */
  async get<T>(key: string, tables: readonly CachedTable[], load: () => Promise<Loaded<T>>, now: number = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now >= hit.validFrom && now < hit.validUntil) return hit.value as Promise<T>;
    const before = tables.map((t) => this.generation.get(t) ?? 0);
    const entry: Entry = { value: Promise.resolve(), tables, validFrom: now, validUntil: Infinity };
    const loading = load().then((loaded) => {
      entry.validUntil = loaded.validUntil ?? Infinity;
      return loaded.value;
    });
    entry.value = loading;
    this.entries.set(key, entry);
    try {
      return await loading;
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    } finally {
      // A table changed while loading: this value may predate the change, so it is not kept.
      const changed = tables.some((t, i) => (this.generation.get(t) ?? 0) !== before[i]);
      if (changed && this.entries.get(key) === entry) this.entries.delete(key);
    }
  }

  /** Drops every entry that depends on `table` (or all, for an unknown payload or a reset). */
  invalidate(table: CachedTable | null): void {
    const tables = table === null ? CACHED_TABLES : [table];
    for (const t of tables) this.generation.set(t, (this.generation.get(t) ?? 0) + 1);
    for (const [key, entry] of this.entries) if (table === null || entry.tables.includes(table)) this.entries.delete(key);
    this.onInvalidate?.(table);
  }

  /** LISTENs for changed tables; resolves once listening, so no change after it is missed. */
  async listen(listen: Listen): Promise<void> {
    if (this.unlisten) return;
    this.unlisten = await listen(TABLES_CHANNEL, (payload) => this.invalidate(isCachedTable(payload) ? payload : null));
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.entries.clear();
    await unlisten?.();
  }
}

// The caches of this process, by database (on globalThis: Next bundles route handlers, pages and
// instrumentation separately, and each must find the same cache).
const globalForTables = globalThis as unknown as { omnishopTableCaches?: Map<Db, TableCache> };

function tableCaches(): Map<Db, TableCache> {
  globalForTables.omnishopTableCaches ??= new Map();
  return globalForTables.omnishopTableCaches;
}

/**
 * `load()` through this process's cache when `db` has one (the app's database does, from
 * instrumentation), otherwise — inside a transaction, in scripts and tests — `load()` itself: a
 * transaction reads its own snapshot, never the cache.
 */
export function cachedRead<T>(db: DbOrTx, key: string, tables: readonly CachedTable[], load: () => Promise<Loaded<T>>, now?: number): Promise<T> {
  const cache = tableCaches().get(db as Db);
  return cache ? cache.get(key, tables, load, now) : load().then((l) => l.value);
}

/** Caches reads of `handle`'s database in this process; resolves once listening. */
export async function enableTableCache(handle: Pick<DbHandle, 'db' | 'listen'>): Promise<TableCache> {
  const caches = tableCaches();
  const existing = caches.get(handle.db);
  if (existing) return existing;
  const cache = new TableCache(handle.db);
  await cache.listen(handle.listen);
  caches.set(handle.db, cache);
  return cache;
}

/** Stops and forgets the cache of a database (on shutdown; tests). */
export async function disableTableCache(db: Db): Promise<void> {
  const cache = tableCaches().get(db);
  tableCaches().delete(db);
  await cache?.stop();
}
