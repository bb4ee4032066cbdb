'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { access, action } from '@/lib/actions/action';
import { LOCALE_COOKIE, LOCALES } from './config';

export const setLocaleAction = action(
  { schema: z.object({ locale: z.enum(LOCALES) }).strict(), access: access.public },
  async ({ locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  },
);
