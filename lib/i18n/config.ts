export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** Set by the proxy from `?lang=nl|en` (hreflang URLs, lib/seo/urls.ts); wins over the cookie for that request. */
export const LOCALE_OVERRIDE_HEADER = 'x-omnishop-lang';
export const TIME_ZONE = 'Europe/Amsterdam';

/** Message files, one per namespace, so each surface keeps its own strings. */
export const NAMESPACES = ['common', 'validation', 'errors', 'auth', 'shop', 'counter', 'admin', 'conversations'] as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the first supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return tags.map((t) => t.lang).find(isLocale);
}
