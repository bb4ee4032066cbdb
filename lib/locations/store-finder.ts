import type { OpeningHours } from '@/db/schema/locations';
import { nearestFirst } from '@/lib/geo/distance';
import type { ShopperOrigin } from '@/lib/geo/shopper-origin';
import { hoursOn, isOpenAt } from './opening-hours';

export interface FinderStore {
  latitude: number;
  longitude: number;
  openingHours: OpeningHours;
}

export type FoundStore<T> = T & { distanceKm: number | null; openNow: boolean; todayHours: [string, string][] };

/**
 * The stores as the finder lists them: nearest to the shopper first with the distance (as the crow
 * flies), else in the given order with no distance; each with today's hours and whether it is open
 * now, on the stores' clock (Europe/Amsterdam). Stores carry their own coordinates (seeded from a map),
 * so only the shopper's side is geocoded.
 */
export function findStores<T extends FinderStore>(stores: T[], origin: ShopperOrigin | null, now: Date): FoundStore<T>[] {
  const ordered = origin
    ? nearestFirst(stores, origin, (s) => ({ lat: s.latitude, lon: s.longitude }))
    : stores.map((s) => ({ ...s, distanceKm: null }));
  return ordered.map((s) => ({ ...s, openNow: isOpenAt(s.openingHours, now), todayHours: hoursOn(s.openingHours, now) }));
}
