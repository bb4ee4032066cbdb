import { eq, sql } from 'drizzle-orm';
import type { Db, DbHandle, DbOrTx } from '../../db/client';
import { settings } from '../../db/schema/documents';
import { SETTINGS_CHANNEL, SettingsCache, settingsCaches } from './cache';
import { isSettingKey, SETTINGS, type SettingKey, type SettingValue } from './keys';

export { SETTINGS, sellerSettingSchema, type SellerSetting, type SettingKey, type SettingValue } from './keys';
export { SettingsCache, SETTINGS_CHANNEL } from './cache';

/**
 * A setting's value, checked against its schema: the stored one, or the default when none is stored.
 * A stored value that no longer fits the schema (an older shape) is an error, not silently replaced:
 * an invoice must never be issued with made-up legal details.
 *
 * Read through this process's cache when `db` has one (enableSettingsCache; the app's database does),
 * otherwise — inside a transaction, in scripts and tests — straight from the table. Each caller gets
 * its own copy, so nobody can change the cached value.
 */
export async function getSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValue<K>> {
  const cache = settingsCaches().get(db as Db);
  const value = cache ? await cache.get(key, () => readSetting(db, key)) : await readSetting(db, key);
  return structuredClone(value);
}

async function readSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValue<K>> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  const { schema, defaults } = SETTINGS[key];
  const parsed = schema.safeParse(row ? row.value : defaults);
  if (!parsed.success) throw new Error(`setting "${key}" does not fit its schema: ${parsed.error.message}`);
  return parsed.data as SettingValue<K>;
}

/**
 * Stores a setting (validated by its schema; a ZodError for a value that does not fit) in the caller's
 * transaction, with who changed it. Authorization (admins only) is the caller's.
 */
export async function setSetting<K extends SettingKey>(
  tx: DbOrTx,
  key: K,
  value: unknown,
  actor: { userId: number } | null,
): Promise<SettingValue<K>> {
  const parsed = SETTINGS[key].schema.parse(value) as SettingValue<K>;
  await tx
    .insert(settings)
    .values({ key, value: parsed, updatedByUserId: actor?.userId ?? null })
    .onConflictDoUpdate({ target: settings.key, set: { value: parsed, updatedByUserId: actor?.userId ?? null, updatedAt: sql`now()` } });
  // Every instance drops its cached value when this commits (and not at all on a rollback); this
  // process drops it now too, and the caller once more after commit (invalidateSettingLocally).
  await tx.execute(sql`select pg_notify(${SETTINGS_CHANNEL}, ${key})`);
  invalidateSettingLocally(key);
  return parsed;
}

/** Drops `key` from this process's caches (after a commit, so the next read here sees the new value). */
export function invalidateSettingLocally(key: SettingKey | null): void {
  for (const cache of settingsCaches().values()) cache.invalidate(key);
}

/**
 * Caches settings of `handle`'s database in this process, invalidated through LISTEN on every save by
 * any instance. Resolves once listening. Returns the cache (tests wait on its invalidations).
 */
export async function enableSettingsCache(handle: Pick<DbHandle, 'db' | 'listen'>): Promise<SettingsCache> {
  const caches = settingsCaches();
  const existing = caches.get(handle.db);
  if (existing) return existing;
  const cache = new SettingsCache(handle.db);
  await cache.listen(handle.listen, isSettingKey);
  caches.set(handle.db, cache);
  return cache;
}

/** Stops and forgets the cache of a database (on shutdown; tests). */
export async function disableSettingsCache(db: Db): Promise<void> {
  const cache = settingsCaches().get(db);
  settingsCaches().delete(db);
  await cache?.stop();
}

/** The seed: writes every setting's default that is not stored yet (never overwrites an admin's value). */
export async function seedDefaultSettings(tx: DbOrTx): Promise<void> {
  const rows = Object.entries(SETTINGS).map(([key, { defaults }]) => ({ key, value: defaults }));
  await tx.insert(settings).values(rows).onConflictDoNothing({ target: settings.key });
  invalidateSettingLocally(null);
}
