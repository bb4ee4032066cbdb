/**
 * Wall-clock weekday and minute of the day in Europe/Amsterdam (the shop's time zone) for an instant —
 * summer and winter time included, via the platform's time-zone data. Pure; one formatter reused.
 */
const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface AmsterdamClock {
  /** ISO weekday 1 (Monday) .. 7 (Sunday). */
  weekday: number;
  /** Minutes after local midnight, 0..1439. */
  minute: number;
}

export function amsterdamClock(now: Date): AmsterdamClock {
  let weekday = 0;
  let hour = 0;
  let minute = 0;
  for (const part of FORMAT.formatToParts(now)) {
    if (part.type === 'weekday') weekday = WEEKDAYS[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { weekday, minute: hour * 60 + minute };
}
