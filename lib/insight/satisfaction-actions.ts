'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { markSatisfactionFollowedUp, submitSatisfaction } from './satisfaction';
import { markFollowedUpSchema, submitSatisfactionSchema } from './satisfaction-schemas';

// The survey's actions (S12). Answering is public: the signed token of the order is the credential
// (the email's link, the receipt's QR, the order page) and the order is never taken from the form.

/** "Send my answer" on the survey page or the order page. */
export const submitSatisfactionAction = action({ schema: submitSatisfactionSchema, access: access.public }, async (input, { t }) => {
  const { orderNumber } = await submitSatisfaction(getDb(), { token: input.token, score: input.score, comment: input.comment ?? null });
  revalidatePath('/admin/analytics', 'layout');
  return { message: t('satisfaction.thanks'), data: { orderNumber, score: input.score } };
});

/** "Mark followed up" on a low score in /admin/analytics/satisfaction (audited). */
export const markSatisfactionFollowedUpAction = action({ schema: markFollowedUpSchema, access: access.admin }, async (input, { actor, t }) => {
  const { orderNumber } = await markSatisfactionFollowedUp(getDb(), input.responseId, actor);
  revalidatePath('/admin/analytics/satisfaction');
  return { message: t('satisfaction.admin.markedFollowedUp', { number: orderNumber }) };
});
