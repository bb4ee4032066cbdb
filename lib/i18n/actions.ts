'use server';

import { z } from 'zod';
import { access, action } from '@/lib/actions/action';
import { setAppCookie } from '@/lib/http/cookies';
import { LOCALE_COOKIE, LOCALES } from './config';

export const setLocaleAction = action(
  { schema: z.object({ locale: z.enum(LOCALES) }).strict(), access: access.public },
  async ({ locale }) => {
    await setAppCookie(LOCALE_COOKIE, locale, { maxAgeS: 60 * 60 * 24 * 365 });
  },
);
