import { LOCALES, type Locale } from '@/lib/i18n/config';

// The app has no locale in its paths: the language is a cookie (lib/i18n/locale.ts). For crawlers and
// hreflang each page also answers in a given language with `?lang=nl|en` (the proxy passes it on to
// getLocale, without setting the cookie). Those URLs are the hreflang alternates; the plain path is
// the canonical and the x-default (it answers in the visitor's language).
export const LANG_PARAM = 'lang';

/** An absolute URL of a path on this site, optionally in one language. */
export function siteUrl(origin: string, path: string, locale?: Locale): string {
  const url = new URL(path, origin);
  if (locale) url.searchParams.set(LANG_PARAM, locale);
  return url.toString();
}

/** hreflang alternates of a path: one URL per language plus x-default (the plain path). */
export function languageAlternates(origin: string, path: string): Record<Locale | 'x-default', string> {
  return {
    ...(Object.fromEntries(LOCALES.map((l) => [l, siteUrl(origin, path, l)])) as Record<Locale, string>),
    'x-default': siteUrl(origin, path),
  };
}
