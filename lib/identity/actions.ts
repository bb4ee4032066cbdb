'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { access, action } from '@/lib/actions/action';
import { signIn, signOut } from '@/lib/auth/auth';
import { DomainError } from '@/lib/errors';
import { registerCustomer } from './mutations';
import { getCredentials } from './queries';
import { safeCallbackUrl, signInSchema, signUpSchema } from './schemas';
import { homeFor } from './home';

export const signInAction = action({ schema: signInSchema, access: access.public }, async (input) => {
  try {
    await signIn('credentials', { email: input.email, password: input.password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const tooMany = (error as AuthError & { code?: string }).code === 'too_many_attempts';
      throw new DomainError(tooMany ? 'tooManyAttempts' : 'invalidCredentials');
    }
    throw error;
  }
  const user = await getCredentials(getDb(), input.email);
  redirect(safeCallbackUrl(input.callbackUrl, homeFor(user?.role ?? 'customer')));
});

export const signUpAction = action({ schema: signUpSchema, access: access.public }, async (input) => {
  await registerCustomer(getDb(), input);
  await signIn('credentials', { email: input.email, password: input.password, redirect: false });
  redirect(safeCallbackUrl(input.callbackUrl, '/account'));
});

export const signOutAction = action({ schema: z.object({}).strict(), access: access.public }, async () => {
  await signOut({ redirectTo: '/' });
});
