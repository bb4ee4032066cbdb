import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { settings } from '../../db/schema/documents';
import { SETTINGS, type SettingKey, type SettingValue } from './keys';

export { SETTINGS, sellerSettingSchema, type SellerSetting, type SettingKey, type SettingValue } from './keys';

/**
 * A setting's value, checked against its schema: the stored one, or the default when none is stored.
 * A stored value that no longer fits the schema (an older shape) is an error, not silently replaced:
 * an invoice must never be issued with made-up legal details.
 */
export async function getSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValue<K>> {
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
  return parsed;
}

/** The seed: writes every setting's default that is not stored yet (never overwrites an admin's value). */
export async function seedDefaultSettings(tx: DbOrTx): Promise<void> {
  const rows = Object.entries(SETTINGS).map(([key, { defaults }]) => ({ key, value: defaults }));
  await tx.insert(settings).values(rows).onConflictDoNothing({ target: settings.key });
}
