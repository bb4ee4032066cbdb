'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { adjustPoints, issueOwnCard } from './mutations';
import { adjustLoyaltySchema, issueMyCardSchema } from './schemas';

/** Admin: add or take points with a reason (an 'adjustment' entry and an audit row). */
export const adjustLoyaltyAction = action(
  { schema: adjustLoyaltySchema, access: access.admin },
  async (input, { actor, t }) => {
    const { balance } = await adjustPoints(getDb(), input, actor);
    revalidatePath(`/admin/customers/${input.customerId}`);
    return { message: t('admin.loyalty.saved', { balance }) };
  },
);

/** Account page: "Get my loyalty card" for a customer who has none yet. */
export const issueMyLoyaltyCardAction = action(
  { schema: issueMyCardSchema, access: access.customer },
  async (_input, { actor }) => {
    await issueOwnCard(getDb(), actor);
    revalidatePath('/account');
  },
);
