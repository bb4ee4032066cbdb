export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_KM = 6371.0088; // mean radius (IUGG)
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine); as the crow flies, not by road. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The items nearest first, each with its distance in km; equal distances keep their order. */
export function nearestFirst<T>(items: T[], origin: LatLon, position: (item: T) => LatLon): (T & { distanceKm: number })[] {
  return items
    .map((item) => ({ ...item, distanceKm: haversineKm(origin, position(item)) }))
    .sort((a, b) => a.distanceKm - b.distanceKm);
}

/** Whether a point lies in (a generous box around) the European Netherlands. */
export function inNetherlands({ lat, lon }: LatLon): boolean {
  return lat >= 50.6 && lat <= 53.7 && lon >= 3.2 && lon <= 7.3;
}
