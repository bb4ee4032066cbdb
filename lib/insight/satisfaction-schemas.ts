import { z } from 'zod';
import { idFromForm, intFromForm } from '@/lib/actions/form-numbers';

// Inputs of the survey actions. The order is never taken from the form: only from the signed token.

/** Longest comment, as the DB CHECK satisfaction_responses_comment_length allows. */
export const SATISFACTION_COMMENT_MAX = 1000;
export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const;

// Half of a UTF-16 surrogate pair is no character at all; refuse it rather than store it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** "Send my answer": the survey token, a score 1–5 and an optional comment. */
export const submitSatisfactionSchema = z
  .object({
    token: z.string('validation.invalid').min(1, 'validation.invalid').max(200, 'validation.invalid'),
    score: intFromForm({ min: 1, max: 5, message: 'validation.choice', rangeMessage: 'validation.choice' }),
    comment: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string('validation.invalid')
        .trim()
        .max(SATISFACTION_COMMENT_MAX, 'validation.tooLong')
        .refine((text) => !LONE_SURROGATE.test(text), 'validation.invalid')
        .optional(),
    ),
  })
  .strict();
export type SubmitSatisfactionFormInput = z.infer<typeof submitSatisfactionSchema>;

/** "Mark followed up" on a low score. */
export const markFollowedUpSchema = z.object({ responseId: idFromForm() }).strict();
