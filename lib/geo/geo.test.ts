import { describe, expect, it, vi } from 'vitest';
import { haversineKm, nearestFirst } from './distance';
import { offlineGeocoder, parseWktPoint, pdokGeocoder } from './geocoder';
import { pc4Point } from './pc4-areas';
import { parseDutchPostcode } from './postcode';
import { ORIGIN_COOKIE, resolveShopperOrigin } from './shopper-origin';

describe('Dutch postcodes', () => {
  it('accepts PC6 and PC4, with or without space, any case', () => {
    expect(parseDutchPostcode(' 3511az ')).toEqual({ ok: true, postcode: { pc4: '3511', letters: 'AZ', display: '3511 AZ' } });
    expect(parseDutchPostcode('1012 PK')).toMatchObject({ ok: true, postcode: { display: '1012 PK' } });
    expect(parseDutchPostcode('3012')).toEqual({ ok: true, postcode: { pc4: '3012', letters: null, display: '3012' } });
  });

  it('refuses what is not a Dutch postcode', () => {
    for (const bad of ['0123 AB', '351 AZ', '35111 AZ', '3511 A1', 'AZ 3511', '3511 SS', '3511 SA', '<script>', '3511-AZ']) {
      expect(parseDutchPostcode(bad), bad).toEqual({ ok: false, error: 'invalid' });
    }
    expect(parseDutchPostcode('   ')).toEqual({ ok: false, error: 'required' });
  });
});

describe('distances', () => {
  it('measures Amsterdam–Utrecht as the crow flies (~35 km)', () => {
    expect(haversineKm({ lat: 52.3687, lon: 4.8918 }, { lat: 52.0899, lon: 5.1206 })).toBeCloseTo(34.8, 0);
    expect(haversineKm({ lat: 52, lon: 5 }, { lat: 52, lon: 5 })).toBe(0);
  });

  it('orders nearest first and keeps the order of equal distances', () => {
    const points = [
      { id: 'far', lat: 53.2, lon: 6.5 },
      { id: 'same-1', lat: 52.1, lon: 5.1 },
      { id: 'same-2', lat: 52.1, lon: 5.1 },
      { id: 'near', lat: 52.09, lon: 5.12 },
    ];
    expect(nearestFirst(points, { lat: 52.09, lon: 5.12 }, (p) => p).map((p) => p.id)).toEqual(['near', 'same-1', 'same-2', 'far']);
  });
});

describe('offline PC4 table', () => {
  it('places city postcodes within 10 km of their city centre', () => {
    const centres: [string, number, number][] = [
      ['1012', 52.3731, 4.8922], // Amsterdam Dam
      ['3511', 52.0907, 5.1214], // Utrecht Dom
      ['3012', 51.9225, 4.4792], // Rotterdam centre
      ['2511', 52.0799, 4.3113], // Den Haag centre
      ['9711', 53.2194, 6.5665], // Groningen centre
      ['6211', 50.8514, 5.691], // Maastricht centre
    ];
    for (const [pc4, lat, lon] of centres) expect(haversineKm(pc4Point(pc4)!, { lat, lon }), pc4).toBeLessThan(10);
  });

  it('has no point outside 1000–9999', () => {
    expect(pc4Point('0999')).toBeNull();
    expect(pc4Point('abcd')).toBeNull();
    expect(pc4Point('1000')).not.toBeNull();
    expect(pc4Point('9999')).not.toBeNull();
  });
});

describe('PDOK geocoder', () => {
  const postcode = { pc4: '3511', letters: 'AZ', display: '3511 AZ' };

  it('reads the centroid of a PC6 postcode from the Locatieserver answer', async () => {
    const fetchMock = vi.fn(async () => Response.json({ response: { numFound: 1, docs: [{ centroide_ll: 'POINT(5.12025 52.08985)' }] } }));
    const geocoder = pdokGeocoder({ fetch: fetchMock as unknown as typeof fetch });
    expect(await geocoder.geocode(postcode)).toEqual({ lat: 52.08985, lon: 5.12025, source: 'pdok' });
    await geocoder.geocode(postcode);
    expect(fetchMock).toHaveBeenCalledTimes(1); // cached
    const url = new URL(String((fetchMock.mock.calls[0] as unknown[])[0]));
    expect(url.searchParams.get('q')).toBe('3511AZ');
    expect(url.searchParams.get('fq')).toBe('type:postcode');
  });

  it('falls back to the offline table when the service fails or the postcode has no letters', async () => {
    const failing = pdokGeocoder({ fetch: (async () => { throw new Error('offline'); }) as unknown as typeof fetch });
    expect(await failing.geocode(postcode)).toMatchObject({ source: 'pc4-table' });
    const unused = vi.fn();
    expect(await pdokGeocoder({ fetch: unused as unknown as typeof fetch }).geocode({ pc4: '3511', letters: null, display: '3511' })).toMatchObject({ source: 'pc4-table' });
    expect(unused).not.toHaveBeenCalled();
  });

  it('ignores a point that is not in the Netherlands', () => {
    expect(parseWktPoint('POINT(5.12 52.09)')).toEqual({ lat: 52.09, lon: 5.12 });
    expect(parseWktPoint('POINT(-74 40.7)')).toBeNull();
    expect(parseWktPoint('garbage')).toBeNull();
  });
});

describe('the shopper’s origin', () => {
  it('takes a new valid postcode and says what to remember', async () => {
    const r = await resolveShopperOrigin({ postcode: '3511az', remembered: 'pc:1012PK' }, offlineGeocoder);
    expect(r).toMatchObject({ error: null, remember: 'pc:3511AZ', origin: { kind: 'postcode', postcode: '3511 AZ', precise: false } });
    expect(ORIGIN_COOKIE).toBe('omnishop_near');
  });

  it('keeps the remembered origin and writes nothing when the new postcode is invalid', async () => {
    const r = await resolveShopperOrigin({ postcode: '12345', remembered: 'pc:1012PK' }, offlineGeocoder);
    expect(r.error).toBe('invalid');
    expect(r.remember).toBeNull();
    expect(r.origin).toMatchObject({ kind: 'postcode', postcode: '1012 PK' });
  });

  it('takes browser coordinates in the Netherlands only', async () => {
    expect(await resolveShopperOrigin({ near: '52.0900,5.1200' }, offlineGeocoder)).toMatchObject({ remember: 'geo:52.0900,5.1200', origin: { kind: 'location' } });
    expect(await resolveShopperOrigin({ near: '40.7,-74.0' }, offlineGeocoder)).toEqual({ origin: null, error: 'location', remember: null });
  });

  it('ignores a tampered cookie', async () => {
    expect(await resolveShopperOrigin({ remembered: 'geo:1e9,abc' }, offlineGeocoder)).toEqual({ origin: null, error: null, remember: null });
    expect(await resolveShopperOrigin({ remembered: 'nonsense' }, offlineGeocoder)).toEqual({ origin: null, error: null, remember: null });
  });
});
