import { inNetherlands, type LatLon } from './distance';
import { pc4Point } from './pc4-areas';
import type { DutchPostcode } from './postcode';

/** Where a Dutch postcode lies. `source` says how precise the point is (see pc4-areas.ts for 'pc4-table'). */
export interface GeocodeResult extends LatLon {
  source: 'pdok' | 'pc4-table';
}

/** The one way the app turns a postcode into a point; swap the implementation, not the callers. */
export interface Geocoder {
  geocode(postcode: DutchPostcode): Promise<GeocodeResult | null>;
}

/** Offline: the PC4 table. Instant, no network, roughly 5–10 km in cities (see pc4-areas.ts). */
export const offlineGeocoder: Geocoder = {
  async geocode(postcode) {
    const point = pc4Point(postcode.pc4);
    return point ? { ...point, source: 'pc4-table' } : null;
  },
};

export const PDOK_LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free';

/** "POINT(5.1206 52.0899)" (WGS84, lon first) → a point, or null. */
export function parseWktPoint(wkt: unknown): LatLon | null {
  if (typeof wkt !== 'string') return null;
  const match = /^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/.exec(wkt.trim());
  if (!match) return null;
  const point = { lon: Number(match[1]), lat: Number(match[2]) };
  return inNetherlands(point) ? point : null;
}

/**
 * PDOK Locatieserver (the Dutch government's free geocoder, no key), the centroid of a full PC6 postcode
 * — street-level precision. https://api.pdok.nl/bzk/locatieserver/search/v3_1/ui/
 * A four-digit postcode, a miss, a timeout or an error falls back to `fallback`: the finder never
 * fails because the service is slow or down. Answers are kept in memory (postcodes do not move).
 */
export function pdokGeocoder(options: { baseUrl?: string; timeoutMs?: number; fallback?: Geocoder; fetch?: typeof fetch } = {}): Geocoder {
  const { baseUrl = PDOK_LOCATIESERVER_URL, timeoutMs = 1500, fallback = offlineGeocoder, fetch: doFetch = fetch } = options;
  const cache = new Map<string, GeocodeResult | null>();
  const MAX_CACHED = 5000;
  return {
    async geocode(postcode) {
      if (!postcode.letters) return fallback.geocode(postcode);
      const key = `${postcode.pc4}${postcode.letters}`;
      if (cache.has(key)) return cache.get(key) ?? fallback.geocode(postcode);
      let found: GeocodeResult | null = null;
      try {
        const url = new URL(baseUrl);
        url.searchParams.set('q', key);
        url.searchParams.set('fq', 'type:postcode');
        url.searchParams.set('fl', 'centroide_ll');
        url.searchParams.set('rows', '1');
        const response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
        if (response.ok) {
          const body = (await response.json()) as { response?: { docs?: { centroide_ll?: unknown }[] } };
          const point = parseWktPoint(body.response?.docs?.[0]?.centroide_ll);
          found = point ? { ...point, source: 'pdok' } : null;
          if (cache.size >= MAX_CACHED) cache.clear();
          cache.set(key, found); // only answers are cached, not outages
        }
      } catch {
        // Timeout or network error: the offline table answers this time.
      }
      return found ?? fallback.geocode(postcode);
    },
  };
}

/** The geocoder chosen by GEOCODER: 'pdok' for the public service, anything else (the default) the offline table. */
export function createGeocoder(env: Record<string, string | undefined>): Geocoder {
  return env.GEOCODER === 'pdok' ? pdokGeocoder({ baseUrl: env.PDOK_LOCATIESERVER_URL || undefined }) : offlineGeocoder;
}

let configured: Geocoder | null = null;

/** The app's geocoder, made once per process (so PDOK's answers are cached across requests). */
export function getGeocoder(): Geocoder {
  configured ??= createGeocoder(process.env);
  return configured;
}
