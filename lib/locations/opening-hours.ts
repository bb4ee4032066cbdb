import type { OpeningHours } from '@/db/schema/locations';
import { SHOP_TIME_ZONE } from '@/lib/time/zoned';

export type IsoWeekday = keyof OpeningHours;
export const ISO_WEEKDAYS: IsoWeekday[] = ['1', '2', '3', '4', '5', '6', '7'];

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: SHOP_TIME_ZONE,
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAY: Record<string, IsoWeekday> = {
  Mon: '1',
  Tue: '2',
  Wed: '3',
  Thu: '4',
  Fri: '5',
  Sat: '6',
  Sun: '7',
};

/** ISO weekday and "HH:mm" of an instant on the stores' wall clock (Europe/Amsterdam). */
export function storeClock(now: Date): { weekday: IsoWeekday; time: string } {
  const parts = Object.fromEntries(partsFormat.formatToParts(now).map((p) => [p.type, p.value]));
  return { weekday: WEEKDAY[parts.weekday], time: `${parts.hour}:${parts.minute}` };
}

/** Whether a store with these hours is open at `now` (times compare as "HH:mm" strings). */
export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  const { weekday, time } = storeClock(now);
  return (hours[weekday] ?? []).some(([open, close]) => time >= open && time < close);
}

/** Localized weekday names, Monday first, for an opening-hours table. */
export function weekdayNames(locale: 'nl' | 'en'): Record<IsoWeekday, string> {
  const format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  });
  // 2024-01-01 was a Monday.
  return Object.fromEntries(
    ISO_WEEKDAYS.map((d, i) => [d, format.format(new Date(Date.UTC(2024, 0, 1 + i)))]),
  ) as Record<IsoWeekday, string>;
}

/** The slots of the day `now` falls on, on the stores' clock (empty = closed all day). */
export function hoursOn(hours: OpeningHours, now: Date): [string, string][] {
  return hours[storeClock(now).weekday] ?? [];
}
