import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations } from '@/db/schema';

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

export type LocationDto = Awaited<ReturnType<typeof listLocations>>[number];

/** Every location, warehouse first, then stores by name. */
export function listLocations(db: DbOrTx) {
  return db.select(publicColumns).from(locations).orderBy(asc(locations.kind), asc(locations.name));
}

export function listStores(db: DbOrTx) {
  return db.select(publicColumns).from(locations).where(eq(locations.kind, 'store')).orderBy(asc(locations.name));
}

export async function getLocation(db: DbOrTx, id: number) {
  const [row] = await db.select(publicColumns).from(locations).where(eq(locations.id, id));
  return row ?? null;
}
