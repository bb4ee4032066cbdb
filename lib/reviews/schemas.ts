import { z } from 'zod';
import { idFromForm, intFromForm } from '@/lib/actions/form-numbers';

export type { ReviewStatus } from '@/db/schema';

// Inputs of the review actions. The customer is never taken from the form: it is the signed-in
// account's profile; the product is checked against that profile's purchases in the data path.

import { RATINGS, REVIEW_BODY_MAX, REVIEW_TITLE_MAX } from './limits';

export { RATINGS, REVIEW_BODY_MAX, REVIEW_TITLE_MAX };

// Half of a UTF-16 surrogate pair is no character at all; refuse it rather than store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A review is plain text. It is always rendered as text, so markup could do no harm on our pages, but it
// would show as code to every reader (and on the in-store display): refuse tags and say why.
const MARKUP = /<\s*\/?\s*[a-z!?]/i;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const reviewText = (max: number, tooLong: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string('validation.invalid')
      .trim()
      .max(max, tooLong)
      .refine((text) => !LONE_SURROGATE.test(text), 'validation.invalid')
      .refine((text) => !MARKUP.test(text), 'validation.reviews.markup')
      .optional(),
  );

/** "Post review": a rating of 1–5 stars, an optional title and text. Posting again replaces the earlier review. */
export const writeReviewSchema = z
  .object({
    productId: idFromForm(),
    rating: intFromForm({ min: 1, max: 5, message: 'validation.reviews.rating', rangeMessage: 'validation.reviews.rating' }),
    title: reviewText(REVIEW_TITLE_MAX, 'validation.reviews.titleTooLong'),
    body: reviewText(REVIEW_BODY_MAX, 'validation.reviews.bodyTooLong'),
  })
  .strict();
export type WriteReviewInput = z.output<typeof writeReviewSchema>;

export const REVIEW_REJECT_REASON_MAX = 300;

/** The admin's "Approve" / "Reject" (a rejection needs a reason: the customer reads it). */
export const moderateReviewSchema = z
  .discriminatedUnion(
    'decision',
    [
      z.object({ reviewId: idFromForm(), decision: z.literal('approve') }).strict(),
      z
        .object({
          reviewId: idFromForm(),
          decision: z.literal('reject'),
          reason: z
            .string('validation.reviews.rejectReason')
            .trim()
            .min(1, 'validation.reviews.rejectReason')
            .max(REVIEW_REJECT_REASON_MAX, 'validation.reviews.rejectReasonTooLong')
            .refine((text) => !LONE_SURROGATE.test(text), 'validation.invalid'),
        })
        .strict(),
    ],
    { error: 'validation.choice' },
  );
export type ModerateReviewInput = z.output<typeof moderateReviewSchema>;
