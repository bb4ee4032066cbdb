import { SHOP_TIME_ZONE, utcToZonedLocal, zonedLocalToUtc } from '@/lib/time/zoned';

/**
 * The instant of a wall-clock time typed by an admin in Europe/Amsterdam ('YYYY-MM-DDTHH:mm'), or why
 * not. A time that the spring DST change skips (e.g. 2027-03-28 02:30) is refused rather than moved:
 * a price that starts "at 02:30" must not silently start at 03:30. An autumn time that happens twice
 * is the first one (summer time), as lib/time/zoned documents.
 */
export function amsterdamInstant(local: string): { at: Date } | { error: 'invalid' | 'nonexistent' } {
  let at: Date;
  try {
    at = zonedLocalToUtc(local, SHOP_TIME_ZONE);
  } catch {
    return { error: 'invalid' };
  }
  // Seconds are not part of the form; compare minutes only.
  if (utcToZonedLocal(at, SHOP_TIME_ZONE) !== local.slice(0, 16)) return { error: 'nonexistent' };
  return { at };
}
