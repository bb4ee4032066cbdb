/**
 * Wall-clock ↔ instant conversion for the shop's time zone, with Intl only (no dependency).
 * Used for admin <input type="datetime-local"> fields such as promotion start/end.
 */

export const SHOP_TIME_ZONE = 'Europe/Amsterdam';

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    // hourCycle h23: midnight is "00", never "24" (which hour12: false yields in some engines).
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Wall-clock fields of an instant in tz, as if they were UTC (ms since epoch). */
function wallClockAsUtc(utcMs: number, tz: string): number {
  const parts = formatter(tz).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** Offset of tz from UTC at an instant, in ms (Amsterdam: +3 600 000 in winter, +7 200 000 in summer). */
function offsetAt(utcMs: number, tz: string): number {
  const whole = Math.floor(utcMs / 1000) * 1000; // formatToParts drops milliseconds
  return wallClockAsUtc(whole, tz) - whole;
}

/**
 * Instant of a wall-clock time ('YYYY-MM-DDTHH:mm', optionally ':ss', as a datetime-local input
 * gives it) in tz.
 *
 * DST choice, the same as Temporal's default `disambiguation: 'compatible'`
 * (https://tc39.es/proposal-temporal/docs/zoneddatetime.html#from):
 * - an ambiguous time (autumn, 02:00–02:59 happens twice in Amsterdam) → the EARLIER instant
 *   (still summer time, UTC+2);
 * - a non-existent time (spring, 02:00–02:59 is skipped) → shifted forward by the gap, i.e.
 *   interpreted with the offset before the change: 02:30 → 01:30Z, shown as 03:30.
 *
 * @throws RangeError on a malformed or impossible date (e.g. '2026-02-30T10:00').
 */
export function zonedLocalToUtc(local: string, tz: string = SHOP_TIME_ZONE): Date {
  const m = LOCAL_RE.exec(local);
  if (!m) throw new RangeError(`expected YYYY-MM-DDTHH:mm, got ${JSON.stringify(local)}`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(naive);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new RangeError(`not a valid date-time: ${local}`);
  }

  // Offsets a day either side cover any transition near this wall time (zones change at most
  // once a day). A candidate is right when its own offset maps it back to the same wall time.
  const before = offsetAt(naive - DAY_MS, tz);
  const after = offsetAt(naive + DAY_MS, tz);
  const valid = [...new Set([before, after])]
    .map((offset) => naive - offset)
    .filter((utc) => naive - offsetAt(utc, tz) === utc)
    .sort((a, b) => a - b);
  const earliest = valid[0]; // the earlier instant when ambiguous
  if (earliest !== undefined) return new Date(earliest);
  return new Date(naive - before); // in the gap: offset from before the change
}

/** Wall-clock time 'YYYY-MM-DDTHH:mm' of an instant in tz, for filling a datetime-local input. */
export function utcToZonedLocal(date: Date, tz: string = SHOP_TIME_ZONE): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  const wall = new Date(wallClockAsUtc(Math.floor(ms / 1000) * 1000, tz));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
  );
}
