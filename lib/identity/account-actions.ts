'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { signIn } from '@/lib/auth/auth';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { enforceRateLimits } from '@/lib/rate-limit/public-limits';
import { changeOwnEmail, changeOwnPassword, updateOwnPreferences, updateOwnProfile } from './account-mutations';
import {
  addressIdSchema,
  addressSchema,
  changeEmailSchema,
  changePasswordSchema,
  preferencesSchema,
  updateProfileSchema,
} from './account-schemas';
import { deleteAddress, saveAddress, setDefaultAddress } from './addresses';

// The account page: a signed-in customer changes their own profile, sign-in, preferences and address
// book. Whose it is comes from the session (actor.customerId), never from the form.

const refresh = () => revalidatePath('/account');

function customerIdOf(actor: { customerId: number | null }): number {
  if (actor.customerId === null) throw new DomainError('forbidden');
  return actor.customerId;
}

export const updateProfileAction = action({ schema: updateProfileSchema, access: access.customer }, async (input, { actor, t }) => {
  await updateOwnProfile(getDb(), input, actor);
  refresh();
  return { message: t('shop.accountEdit.profileSaved') };
});

/** Each try checks a password: limited per account like a sign-in. */
export const changeEmailAction = action({ schema: changeEmailSchema, access: access.customer }, async (input, { actor, locale, t }) => {
  const db = getDb();
  await enforceRateLimits(db, [['accountPasswordCheckPerAccount', String(actor.userId)]]);
  const result = await changeOwnEmail(db, { ...input, locale }, actor);
  refresh();
  return { message: t(result === 'changed' ? 'shop.accountEdit.emailChanged' : 'shop.accountEdit.emailSame', { email: input.email }) };
});

/** Other sessions of the account end (session version); this browser is signed in again with the new password. */
export const changePasswordAction = action({ schema: changePasswordSchema, access: access.customer }, async (input, { actor, t }) => {
  const db = getDb();
  await enforceRateLimits(db, [['accountPasswordCheckPerAccount', String(actor.userId)]]);
  await changeOwnPassword(db, input, actor);
  await signIn('credentials', { email: actor.email, password: input.password, redirect: false });
  refresh();
  return { message: t('shop.accountEdit.passwordChanged') };
});

export const updatePreferencesAction = action({ schema: preferencesSchema, access: access.customer }, async (input, { actor, t }) => {
  await updateOwnPreferences(getDb(), input, actor);
  refresh();
  return { message: t('shop.accountEdit.preferencesSaved') };
});

export const saveAddressAction = action({ schema: addressSchema, access: access.customer }, async (input, { actor, t }) => {
  await saveAddress(getDb(), customerIdOf(actor), input);
  refresh();
  return { message: t('shop.accountEdit.addressSaved') };
});

export const deleteAddressAction = action({ schema: addressIdSchema, access: access.customer }, async (input, { actor, t }) => {
  await deleteAddress(getDb(), customerIdOf(actor), input.addressId);
  refresh();
  return { message: t('shop.accountEdit.addressDeleted') };
});

export const makeDefaultAddressAction = action({ schema: addressIdSchema, access: access.customer }, async (input, { actor, t }) => {
  await setDefaultAddress(getDb(), customerIdOf(actor), input.addressId);
  refresh();
  return { message: t('shop.accountEdit.addressDefault') };
});
