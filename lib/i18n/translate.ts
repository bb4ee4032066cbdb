import 'server-only';
import { createTranslator } from 'next-intl';
import { getLocale } from './locale';
import { MESSAGES } from './messages';

/** A translator for the current request, usable outside components (actions, route handlers). */
export async function getTranslator() {
  const locale = await getLocale();
  return { locale, t: createTranslator({ locale, messages: MESSAGES[locale] }) };
}
