import { getRequestConfig } from 'next-intl/server';
import { TIME_ZONE } from './config';
import { getLocale } from './locale';
import { MESSAGES } from './messages';

// next-intl without locale routing: the language comes from a cookie (see ./locale.ts).
export default getRequestConfig(async () => {
  const locale = await getLocale();
  return { locale, messages: MESSAGES[locale], timeZone: TIME_ZONE };
});
