import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { StoreSettingsInput } from './schemas';
import { getSetting, setSetting, type SettingKey, type SettingValue } from './settings';

export type SettingsPatch = { [K in SettingKey]?: SettingValue<K> };

/**
 * Saves the given settings in the caller's transaction (admins only — the action checks), each with an
 * audit entry holding the fields that changed, before and after. A setting whose value is unchanged is
 * not written. Returns the keys that changed, for the caller to invalidate after commit.
 */
export async function saveSettings(tx: DbOrTx, patch: SettingsPatch, actor: Actor): Promise<SettingKey[]> {
  const changed: SettingKey[] = [];
  for (const key of Object.keys(patch) as SettingKey[]) {
    const before = (await getSetting(tx, key)) as Record<string, unknown>;
    const next = { ...(patch[key] as Record<string, unknown>) };
    // Optional fields left empty are absent in `next`: compare them as removed, not as unchanged.
    const diff = changedFields({ ...Object.fromEntries(Object.keys(before).map((k) => [k, undefined])), ...before }, {
      ...Object.fromEntries(Object.keys(before).map((k) => [k, undefined])),
      ...next,
    });
    if (diff.changed.length === 0) continue;
    await setSetting(tx, key, next, actor);
    await recordAudit(tx, actor, {
      action: 'setting.updated',
      entityType: 'setting',
      entityId: key,
      summary: `Settings “${key}”: ${diff.changed.join(', ')}`,
      before: diff.before,
      after: diff.after,
    });
    changed.push(key);
  }
  return changed;
}

/**
 * A store's opening hours and whether it offers pickup, with an audit entry. The store finder, the
 * product page and checkout read the locations table directly, so the change shows at once.
 * Errors: notFound (no such store; the warehouse is not a store).
 */
export async function updateStoreSettings(tx: DbOrTx, input: StoreSettingsInput, actor: Actor): Promise<{ changed: boolean; name: string }> {
  const [store] = await tx
    .select({ id: locations.id, name: locations.name, kind: locations.kind, openingHours: locations.openingHours, pickupEnabled: locations.pickupEnabled })
    .from(locations)
    .where(eq(locations.id, input.locationId))
    .for('update');
  if (!store || store.kind !== 'store') throw new DomainError('notFound', {}, 'locationId');
  const diff = changedFields(
    { openingHours: store.openingHours, pickupEnabled: store.pickupEnabled },
    { openingHours: input.openingHours, pickupEnabled: input.pickupEnabled },
  );
  if (diff.changed.length === 0) return { changed: false, name: store.name };
  await tx
    .update(locations)
    .set({ openingHours: input.openingHours, pickupEnabled: input.pickupEnabled, updatedAt: new Date() })
    .where(eq(locations.id, store.id));
  await recordAudit(tx, actor, {
    action: 'location.updated',
    entityType: 'location',
    entityId: store.id,
    summary: `${store.name}: ${diff.changed.join(', ')}`,
    before: diff.before,
    after: diff.after,
  });
  return { changed: true, name: store.name };
}
