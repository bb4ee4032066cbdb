import { TIME_ZONE, type Locale } from './config';

const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

const moneyFormats = new Map<Locale, Intl.NumberFormat>();

/** Euro amount for display: `€ 1.234,50` in Dutch, `€1,234.50` in English. Input is integer cents. */
export function formatMoney(cents: number, locale: Locale): string {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: 'EUR' });
    moneyFormats.set(locale, format);
  }
  // Division by 100 is for display only; amounts are never computed from the result.
  return format.format(cents / 100);
}

export function formatDateTime(date: Date, locale: Locale, options: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
    ...options,
  }).format(date);
}

export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
}

/** A distance for display, without the unit: "1,2" / "1.2" under 10 km, whole km beyond ("35"). */
export function formatDistanceKm(km: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
}
