import { describe, expect, it } from 'vitest';
import { LOCATIONS } from '@/db/seed-data';
import { offlineGeocoder } from '@/lib/geo/geocoder';
import { resolveShopperOrigin } from '@/lib/geo/shopper-origin';
import { findStores } from './store-finder';

const stores = LOCATIONS.filter((l) => l.kind === 'store');
const monday = new Date('2026-06-01T10:00:00Z'); // Monday 12:00 in Amsterdam (summer time)

async function cityOrder(postcode: string) {
  const { origin } = await resolveShopperOrigin({ postcode }, offlineGeocoder);
  return findStores(stores, origin, monday).map((s) => [s.city, Math.round(s.distanceKm!)]);
}

describe('store finder', () => {
  it('lists the Utrecht store first for an Utrecht postcode, the Amsterdam one for an Amsterdam postcode', async () => {
    const utrecht = await cityOrder('3511 AZ');
    expect(utrecht.map(([city]) => city)).toEqual(['Utrecht', 'Amsterdam', 'Rotterdam']);
    expect(utrecht[0][1]).toBeLessThan(2);
    expect((await cityOrder('1012PK')).map(([city]) => city)).toEqual(['Amsterdam', 'Utrecht', 'Rotterdam']);
    expect((await cityOrder('3012 EN'))[0][0]).toBe('Rotterdam');
    // Groningen: far from all three, still nearest first (Amsterdam ~150 km, Rotterdam farthest).
    const groningen = await cityOrder('9711');
    expect(groningen.map(([city]) => city)).toEqual(['Amsterdam', 'Utrecht', 'Rotterdam']);
    expect(groningen[0][1]).toBeGreaterThan(140);
  });

  it('keeps the given order with no distance when the shopper has given no postcode', () => {
    const found = findStores(stores, null, monday);
    expect(found.map((s) => s.code)).toEqual(stores.map((s) => s.code));
    expect(found.every((s) => s.distanceKm === null)).toBe(true);
  });

  it('says open or closed now at the boundaries of today’s hours, in Amsterdam time', () => {
    const at = (iso: string) => Object.fromEntries(findStores(stores, null, new Date(iso)).map((s) => [s.code, s.openNow]));
    // Monday: Amsterdam opens 11:00, Utrecht 12:00, both close 18:00 (summer time: UTC+2).
    expect(at('2026-06-01T08:59:59Z')).toMatchObject({ AMS: false, UTR: false }); // 10:59:59
    expect(at('2026-06-01T09:00:00Z')).toMatchObject({ AMS: true, UTR: false }); // 11:00 opens
    expect(at('2026-06-01T10:00:00Z')).toMatchObject({ AMS: true, UTR: true }); // 12:00
    expect(at('2026-06-01T15:59:00Z')).toMatchObject({ AMS: true, UTR: true }); // 17:59
    expect(at('2026-06-01T16:00:00Z')).toMatchObject({ AMS: false, UTR: false }); // 18:00 closes
    // Thursday koopavond in Amsterdam until 21:00; winter time (UTC+1) in January.
    expect(at('2026-01-08T19:59:00Z')).toMatchObject({ AMS: true, RTM: false }); // 20:59
    expect(at('2026-01-08T20:00:00Z')).toMatchObject({ AMS: false }); // 21:00
  });

  it('gives today’s hours on the stores’ clock, not the server’s', () => {
    // Sunday 23:30 UTC in winter is already Monday in Amsterdam.
    const [ams] = findStores(stores.filter((s) => s.code === 'AMS'), null, new Date('2026-01-04T23:30:00Z'));
    expect(ams.todayHours).toEqual([['11:00', '18:00']]);
    expect(ams.openNow).toBe(false);
  });
});
