import { inNetherlands, type LatLon } from './distance';
import type { Geocoder } from './geocoder';
import { parseDutchPostcode, type PostcodeError } from './postcode';

/** Where the shopper is searching from: a postcode they typed, or their browser's location. */
export type ShopperOrigin = LatLon & ({ kind: 'postcode'; postcode: string; precise: boolean } | { kind: 'location' });

export type OriginError = PostcodeError | 'unknown' | 'location';

/** The cookie that remembers the origin between pages (`pc:3511AZ` or `geo:52.0900,5.1200`). */
export const ORIGIN_COOKIE = 'omnishop_near';
export const ORIGIN_COOKIE_MAX_AGE_S = 60 * 60 * 24 * 90;

/** Reads "52.09,5.12" (browser geolocation, rounded by the client) into a point in the Netherlands. */
export function parseCoordinates(text: string): LatLon | null {
  const match = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!match) return null;
  const point = { lat: Number(match[1]), lon: Number(match[2]) };
  return inNetherlands(point) ? point : null;
}

/** A point as the cookie and the URL carry it: four decimals (~10 m), no more than needed. */
export const coordinatesText = ({ lat, lon }: LatLon) => `${lat.toFixed(4)},${lon.toFixed(4)}`;

export interface OriginRequest {
  /** `?postcode=` as typed, when the finder form was sent. */
  postcode?: string;
  /** `?near=lat,lon`, when "Use my location" was pressed. */
  near?: string;
  /** The cookie's value, from an earlier search. */
  remembered?: string;
}

export interface OriginResolution {
  origin: ShopperOrigin | null;
  /** Why what was sent was refused; the remembered origin (if any) is kept — nothing changes. */
  error: OriginError | null;
  /** The cookie value to store after a successful new search, else null (keep the cookie as it is). */
  remember: string | null;
}

async function fromPostcode(text: string, geocoder: Geocoder): Promise<{ origin: ShopperOrigin } | { error: OriginError }> {
  const parsed = parseDutchPostcode(text);
  if (!parsed.ok) return { error: parsed.error };
  const point = await geocoder.geocode(parsed.postcode);
  if (!point) return { error: 'unknown' };
  return { origin: { lat: point.lat, lon: point.lon, kind: 'postcode', postcode: parsed.postcode.display, precise: point.source !== 'pc4-table' } };
}

function fromCoordinates(text: string): { origin: ShopperOrigin } | { error: OriginError } {
  const point = parseCoordinates(text);
  return point ? { origin: { ...point, kind: 'location' } } : { error: 'location' };
}

async function fromCookie(value: string | undefined, geocoder: Geocoder): Promise<ShopperOrigin | null> {
  if (!value) return null;
  const [kind, rest = ''] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  const found = kind === 'pc' ? await fromPostcode(rest, geocoder) : kind === 'geo' ? fromCoordinates(rest) : null;
  return found && 'origin' in found ? found.origin : null; // a tampered or stale cookie is ignored
}

/**
 * The shopper's origin for this page: a new search (postcode before location) when one was sent and is
 * valid, else the one remembered in the cookie. An invalid new search reports its error and changes
 * nothing: the remembered origin still orders the list and the cookie is not rewritten.
 */
export async function resolveShopperOrigin(request: OriginRequest, geocoder: Geocoder): Promise<OriginResolution> {
  const sent = request.postcode !== undefined ? fromPostcode(request.postcode, geocoder) : request.near !== undefined ? Promise.resolve(fromCoordinates(request.near)) : null;
  const result = sent ? await sent : null;
  if (result && 'origin' in result) {
    const { origin } = result;
    const remember = origin.kind === 'postcode' ? `pc:${origin.postcode.replace(' ', '')}` : `geo:${coordinatesText(origin)}`;
    return { origin, error: null, remember };
  }
  return { origin: await fromCookie(request.remembered, geocoder), error: result?.error ?? null, remember: null };
}
