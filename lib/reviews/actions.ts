'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { moderateReview, writeReview } from './mutations';
import { moderateReviewSchema, writeReviewSchema } from './schemas';

// Review actions. A customer writes only their own review (the customer is the session's profile,
// never a form field); moderation is the admin's. Reviews show on the product page, the counter's
// product view and the in-store display: all are rendered per request, so the paths below suffice.

function revalidateReviewPages() {
  revalidatePath('/products', 'layout');
  revalidatePath('/display', 'layout');
  revalidatePath('/admin/reviews');
}

/** "Post review" on the product page: writes the customer's review, or replaces their earlier one. */
export const writeReviewAction = action({ schema: writeReviewSchema, access: access.customer }, async (input, { actor, locale, t }) => {
  const { replaced } = await writeReview(getDb(), input, actor, locale);
  revalidateReviewPages();
  return { message: t(replaced ? 'reviews.form.updated' : 'reviews.form.posted') };
});

/** "Approve" / "Reject" in the admin's review list. */
export const moderateReviewAction = action({ schema: moderateReviewSchema, access: access.admin }, async (input, { actor, t }) => {
  await moderateReview(getDb(), input, actor);
  revalidateReviewPages();
  return { message: t(input.decision === 'approve' ? 'reviews.admin.approvedDone' : 'reviews.admin.rejectedDone') };
});
