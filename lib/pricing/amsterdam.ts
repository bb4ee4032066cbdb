/**
 * Wall-clock weekday and minute of the day in Europe/Amsterdam (the shop's time zone) for an instant.
 * Computed with the EU summer-time rule (since 1996): CEST (UTC+2) from the last Sunday of March 01:00
 * UTC to the last Sunday of October 01:00 UTC, CET (UTC+1) otherwise — plain arithmetic, because
 * priceCart must stay fast and Intl formatting is slow. Checked against the time-zone data in tests.
 */
export interface AmsterdamClock {
  /** ISO weekday 1 (Monday) .. 7 (Sunday). */
  weekday: number;
  /** Minutes after local midnight, 0..1439. */
  minute: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 01:00 UTC on the last Sunday of the month (0-based) of the year. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0); // midnight UTC of the month's last day
  const weekday = new Date(lastDay).getUTCDay(); // 0 = Sunday
  return lastDay - weekday * DAY + HOUR;
}

/** Offset of Amsterdam from UTC at the instant, in milliseconds. */
export function amsterdamOffsetMs(t: number): number {
  const year = new Date(t).getUTCFullYear();
  return t >= lastSundayOneUtc(year, 2) && t < lastSundayOneUtc(year, 9) ? 2 * HOUR : HOUR;
}

export function amsterdamClock(now: Date): AmsterdamClock {
  const local = now.getTime() + amsterdamOffsetMs(now.getTime());
  const d = new Date(local);
  const day = d.getUTCDay();
  return { weekday: day === 0 ? 7 : day, minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
}
