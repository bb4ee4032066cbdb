import type { Locale } from '@/lib/i18n/config';

const DAY = 24 * 3600_000;
const formats = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * "3 days ago", "yesterday", "today", "6 weeks ago" in the reader's language: how a clerk says it to
 * the customer ("you ordered three days ago"). Calendar days are not counted; 24-hour steps are enough.
 */
export function relativeTime(at: Date, now: Date, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { numeric: 'auto' });
    formats.set(locale, format);
  }
  const days = Math.floor((now.getTime() - at.getTime()) / DAY);
  if (days < 14) return format.format(-Math.max(days, 0), 'day');
  if (days < 60) return format.format(-Math.floor(days / 7), 'week');
  if (days < 365) return format.format(-Math.floor(days / 30), 'month');
  return format.format(-Math.floor(days / 365), 'year');
}
