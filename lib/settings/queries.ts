import 'server-only';
import type { DbOrTx } from '@/db/client';
import { listStores } from '@/lib/locations/queries';
import { getSetting, type SettingKey, type SettingValue } from './settings';

export type AllSettings = { [K in SettingKey]: SettingValue<K> };

/** Everything /admin/settings shows: every setting's current value and each store's hours and pickup. */
export async function getSettingsOverview(db: DbOrTx) {
  const keys = ['shop', 'seller', 'vat', 'shipping', 'reservations', 'returns', 'loyalty', 'stock', 'staffDiscounts', 'analytics'] as const satisfies SettingKey[];
  const values = await Promise.all(keys.map((k) => getSetting(db, k)));
  const settings = Object.fromEntries(keys.map((k, i) => [k, values[i]])) as AllSettings;
  const stores = (await listStores(db)).map((s) => ({
    id: s.id,
    name: s.name,
    city: s.city,
    openingHours: s.openingHours,
    pickupEnabled: s.pickupEnabled,
  }));
  return { settings, stores };
}

export type SettingsOverview = Awaited<ReturnType<typeof getSettingsOverview>>;
export type StoreSettingsDto = SettingsOverview['stores'][number];
