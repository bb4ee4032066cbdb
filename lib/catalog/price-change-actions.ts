'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { cancelPriceChangeSchema, schedulePriceSchema } from './admin-schemas';
import { cancelPriceChange, schedulePriceChange } from './price-change-mutations';

const refreshEverywhere = () => revalidatePath('/', 'layout');

export const schedulePriceChangeAction = action({ schema: schedulePriceSchema, access: access.admin }, async (input, { actor, t }) => {
  await schedulePriceChange(getDb(), input, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.schedule.scheduled') };
});

export const cancelPriceChangeAction = action({ schema: cancelPriceChangeSchema, access: access.admin }, async ({ id }, { actor, t }) => {
  await cancelPriceChange(getDb(), id, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.schedule.cancelled') };
});
