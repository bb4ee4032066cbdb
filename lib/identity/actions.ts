'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { access, action } from '@/lib/actions/action';
import { signIn, signOut } from '@/lib/auth/auth';
import { DomainError } from '@/lib/errors';
import { safeRedirectTarget } from './callback-url';
import { homeFor } from './home';
import { registerCustomer, revokeSessions } from './mutations';
import { getCredentials } from './queries';
import { signInSchema, signUpSchema } from './schemas';

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
  redirect(safeRedirectTarget(input.callbackUrl, homeFor(user?.role ?? 'customer')));
});

export const signUpAction = action({ schema: signUpSchema, access: access.public }, async (input) => {
  // The verification token stays on the server: the outbox will mail it (see registerCustomer).
  await registerCustomer(getDb(), input);
  await signIn('credentials', { email: input.email, password: input.password, redirect: false });
  redirect(safeRedirectTarget(input.callbackUrl, '/account'));
});

export const signOutAction = action({ schema: z.object({}).strict(), access: access.public }, async (_input, { actor }) => {
  // Revoke on the server first: clearing the cookie alone would leave a copied token valid for hours.
  if (actor) await revokeSessions(getDb(), actor.userId);
  await signOut({ redirectTo: '/' });
});
