import 'server-only';
import { cookies, headers } from 'next/headers';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, LOCALE_OVERRIDE_HEADER, localeFromAcceptLanguage, type Locale } from './config';

/** The visitor's language: the URL's `?lang=` (via the proxy), else their choice (cookie), else the browser's, else Dutch. */
export async function getLocale(): Promise<Locale> {
  const requested = (await headers()).get(LOCALE_OVERRIDE_HEADER);
  if (isLocale(requested)) return requested;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get('accept-language')) ?? DEFAULT_LOCALE;
}
