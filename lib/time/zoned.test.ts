import { describe, it, expect } from 'vitest';
import { SHOP_TIME_ZONE, utcToZonedLocal, zonedLocalToUtc } from './zoned';

// Amsterdam: CET = UTC+1 in winter, CEST = UTC+2 in summer. In 2026 the clocks go forward on
// 29 March at 01:00Z (02:00 CET → 03:00 CEST) and back on 25 October at 01:00Z (03:00 CEST → 02:00 CET).

describe('zonedLocalToUtc', () => {
  it('uses Europe/Amsterdam by default', () => {
    expect(SHOP_TIME_ZONE).toBe('Europe/Amsterdam');
  });

  it('converts a winter (CET, UTC+1) time', () => {
    // 12:00 − 1h = 11:00Z
    expect(zonedLocalToUtc('2026-01-15T12:00').toISOString()).toBe('2026-01-15T11:00:00.000Z');
    // local midnight of 1 January is still the previous year in UTC
    expect(zonedLocalToUtc('2026-01-01T00:00').toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });

  it('converts a summer (CEST, UTC+2) time', () => {
    // 12:00 − 2h = 10:00Z
    expect(zonedLocalToUtc('2026-07-15T12:00').toISOString()).toBe('2026-07-15T10:00:00.000Z');
  });

  it('accepts seconds', () => {
    expect(zonedLocalToUtc('2026-07-15T12:00:30').toISOString()).toBe('2026-07-15T10:00:30.000Z');
  });

  it('handles the spring-forward day 2026-03-29', () => {
    // before the change: CET
    expect(zonedLocalToUtc('2026-03-29T00:30').toISOString()).toBe('2026-03-28T23:30:00.000Z');
    expect(zonedLocalToUtc('2026-03-29T01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    // 02:00–02:59 does not exist: shifted forward by the 1 h gap (02:30 read as CET → 01:30Z = 03:30 CEST)
    expect(zonedLocalToUtc('2026-03-29T02:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedLocalToUtc('2026-03-29T02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // after the change: CEST
    expect(zonedLocalToUtc('2026-03-29T03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedLocalToUtc('2026-03-29T12:00').toISOString()).toBe('2026-03-29T10:00:00.000Z');
  });

  it('handles the fall-back day 2026-10-25', () => {
    // before the change: CEST
    expect(zonedLocalToUtc('2026-10-25T01:59').toISOString()).toBe('2026-10-24T23:59:00.000Z');
    // 02:00–02:59 happens twice (00:xxZ in CEST, 01:xxZ in CET): the earlier instant is chosen
    expect(zonedLocalToUtc('2026-10-25T02:00').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(zonedLocalToUtc('2026-10-25T02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // after the change: CET
    expect(zonedLocalToUtc('2026-10-25T03:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(zonedLocalToUtc('2026-10-25T12:00').toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('works for another zone', () => {
    // New York in January is UTC−5
    expect(zonedLocalToUtc('2026-01-15T12:00', 'America/New_York').toISOString()).toBe('2026-01-15T17:00:00.000Z');
  });

  it('rejects malformed or impossible input', () => {
    expect(() => zonedLocalToUtc('2026-01-15 12:00')).toThrow(RangeError);
    expect(() => zonedLocalToUtc('2026-1-15T12:00')).toThrow(RangeError);
    expect(() => zonedLocalToUtc('')).toThrow(RangeError);
    expect(() => zonedLocalToUtc('2026-02-30T10:00')).toThrow(RangeError);
    expect(() => zonedLocalToUtc('2026-01-15T24:00')).toThrow(RangeError);
    expect(() => zonedLocalToUtc('2026-01-15T12:60')).toThrow(RangeError);
  });
});

describe('utcToZonedLocal', () => {
  it('formats a winter instant in CET', () => {
    expect(utcToZonedLocal(new Date('2026-01-15T11:00:00Z'))).toBe('2026-01-15T12:00');
    expect(utcToZonedLocal(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01T00:00');
  });

  it('formats a summer instant in CEST', () => {
    expect(utcToZonedLocal(new Date('2026-07-15T10:00:00Z'))).toBe('2026-07-15T12:00');
  });

  it('drops seconds and milliseconds (truncates, never rounds up a minute)', () => {
    expect(utcToZonedLocal(new Date('2026-07-15T10:00:59.999Z'))).toBe('2026-07-15T12:00');
  });

  it('crosses the spring-forward change: 00:59Z is 01:59 CET, 01:00Z is 03:00 CEST', () => {
    expect(utcToZonedLocal(new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29T01:59');
    expect(utcToZonedLocal(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00');
  });

  it('crosses the fall-back change: 00:30Z and 01:30Z both read 02:30', () => {
    expect(utcToZonedLocal(new Date('2026-10-25T00:59:00Z'))).toBe('2026-10-25T02:59');
    expect(utcToZonedLocal(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30');
    expect(utcToZonedLocal(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30');
    expect(utcToZonedLocal(new Date('2026-10-25T02:00:00Z'))).toBe('2026-10-25T03:00');
  });

  it('throws on an invalid Date', () => {
    expect(() => utcToZonedLocal(new Date('nope'))).toThrow(RangeError);
  });

  it('round-trips every existing local quarter hour of both transition days', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
        const mm = String(minutes % 60).padStart(2, '0');
        const local = `${day}T${hh}:${mm}`;
        if (day === '2026-03-29' && hh === '02') continue; // skipped hour: does not exist
        expect(utcToZonedLocal(zonedLocalToUtc(local))).toBe(local);
      }
    }
  });
});
