'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { createStaff, resetStaffPassword, setStaffDisabled, updateStaff } from './mutations';
import { createStaffSchema, staffIdSchema, updateStaffSchema } from './schemas';

// Admin staff actions: thin, the rules (last admin, not yourself, a clerk's store) live in mutations.ts.

const refresh = () => revalidatePath('/admin/staff', 'layout');

export const createStaffAction = action({ schema: createStaffSchema, access: access.admin }, async (input, { actor, locale }) => {
  const { userId } = await createStaff(getDb(), input, actor, { locale });
  refresh();
  redirect(`/admin/staff?created=${userId}`);
});

export const updateStaffAction = action({ schema: updateStaffSchema, access: access.admin }, async (input, { actor, t }) => {
  const { changed } = await updateStaff(getDb(), input, actor);
  refresh();
  return { message: t(changed ? 'admin.staff.saved' : 'admin.staff.unchanged') };
});

export const resetStaffPasswordAction = action({ schema: staffIdSchema, access: access.admin }, async (input, { actor, locale, t }) => {
  await resetStaffPassword(getDb(), input, actor, { locale });
  refresh();
  return { message: t('admin.staff.resetSent') };
});

export const deactivateStaffAction = action({ schema: staffIdSchema, access: access.admin }, async (input, { actor, t }) => {
  await setStaffDisabled(getDb(), { userId: input.userId, disabled: true }, actor);
  refresh();
  return { message: t('admin.staff.deactivated') };
});

export const reactivateStaffAction = action({ schema: staffIdSchema, access: access.admin }, async (input, { actor, t }) => {
  await setStaffDisabled(getDb(), { userId: input.userId, disabled: false }, actor);
  refresh();
  return { message: t('admin.staff.reactivated') };
});
