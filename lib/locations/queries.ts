import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations } from '@/db/schema';
import { cachedRead } from '@/lib/cache/table-cache';

const publicColumns = {
  id: locations.id,
  code: locations.code,
  name: locations.name,
  kind: locations.kind,
  street: locations.street,
  postcode: locations.postcode,
  city: locations.city,
  phone: locations.phone,
  latitude: locations.latitude,
  longitude: locations.longitude,
  openingHours: locations.openingHours,
  pickupEnabled: locations.pickupEnabled,
};

export type LocationDto = Awaited<ReturnType<typeof readLocations>>[number];

function readLocations(db: DbOrTx) {
  return db.select(publicColumns).from(locations).orderBy(asc(locations.kind), asc(locations.name));
}

/**
 * Every location, warehouse first, then stores by name: through this instance's table cache (a change of
 * the locations table drops it everywhere, lib/cache). Each caller gets its own copy.
 */
export async function listLocations(db: DbOrTx): Promise<LocationDto[]> {
  return structuredClone(await cachedRead(db, 'locations', ['locations'], async () => ({ value: await readLocations(db) })));
}

/** The stores by name (from listLocations: one cached read for every page that lists them). */
export async function listStores(db: DbOrTx): Promise<LocationDto[]> {
  return (await listLocations(db)).filter((l) => l.kind === 'store');
}

export async function getLocation(db: DbOrTx, id: number): Promise<LocationDto | null> {
  return (await listLocations(db)).find((l) => l.id === id) ?? null;
}
