import { describe, expect, it } from 'vitest';
import { isOpenAt, storeClock, weekdayNames } from './opening-hours';

const hours = {
  '1': [['09:00', '18:00']],
  '2': [],
  '3': [],
  '4': [],
  '5': [],
  '6': [],
  '7': [['12:00', '17:00']],
} as const;
const H = hours as unknown as Parameters<typeof isOpenAt>[0];

describe('opening hours on the stores’ clock (Europe/Amsterdam)', () => {
  it('uses Amsterdam time, not the server’s, across midnight and DST', () => {
    // Sunday 23:30 UTC in winter = Monday 00:30 in Amsterdam.
    expect(storeClock(new Date('2026-01-04T23:30:00Z'))).toEqual({ weekday: '1', time: '00:30' });
    // Summer time: 07:30 UTC = 09:30 in Amsterdam.
    expect(storeClock(new Date('2026-06-01T07:30:00Z'))).toEqual({ weekday: '1', time: '09:30' });
  });

  it('is open inside a slot and closed at its end or on a closed day', () => {
    expect(isOpenAt(H, new Date('2026-06-01T07:30:00Z'))).toBe(true); // Mon 09:30
    expect(isOpenAt(H, new Date('2026-06-01T16:00:00Z'))).toBe(false); // Mon 18:00
    expect(isOpenAt(H, new Date('2026-06-02T10:00:00Z'))).toBe(false); // Tuesday: closed
    expect(isOpenAt(H, new Date('2026-06-07T10:30:00Z'))).toBe(true); // Sun 12:30
  });

  it('names the weekdays Monday first', () => {
    expect(weekdayNames('en')['1']).toBe('Monday');
    expect(weekdayNames('nl')['7']).toBe('zondag');
  });
});
