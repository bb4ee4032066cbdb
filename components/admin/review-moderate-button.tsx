'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useId } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ReviewStatus } from '@/lib/reviews/schemas';
import { moderateReviewAction } from '@/lib/reviews/actions';
import { REVIEW_REJECT_REASON_MAX } from '@/lib/reviews/schemas';

/**
 * The admin's decision on a review: "Approve" (unless it is published), and "Reject" with the reason the
 * author will read (unless it is rejected). The outcome is announced in place.
 */
export function ReviewModerateButton({ reviewId, status, productName }: { reviewId: number; status: ReviewStatus; productName: string }) {
  const t = useTranslations('reviews.admin');
  const [approveState, approve] = useActionState(moderateReviewAction, null);
  const [rejectState, reject] = useActionState(moderateReviewAction, null);
  const reasonId = useId();
  const reasonErrors = rejectState && !rejectState.ok ? rejectState.fieldErrors?.reason : undefined;
  return (
    <div className="flex min-w-56 flex-col items-stretch gap-3">
      {status !== 'published' && (
        <form action={approve} className="flex flex-col gap-2">
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="decision" value="approve" />
          <SubmitButton size="sm" aria-label={`${t('approve')}: ${productName}`}>
            {t('approve')}
          </SubmitButton>
          <FormMessage state={approveState} />
        </form>
      )}
      {status !== 'rejected' && (
        <form action={reject} noValidate className="flex flex-col gap-2">
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="decision" value="reject" />
          <label htmlFor={reasonId} className="text-xs font-medium text-stone-700">
            {t('rejectReason')}
          </label>
          <input
            id={reasonId}
            name="reason"
            maxLength={REVIEW_REJECT_REASON_MAX}
            aria-invalid={reasonErrors?.length ? true : undefined}
            aria-describedby={`${reasonId}-error`}
            className={inputClass}
          />
          <FieldError id={`${reasonId}-error`} errors={reasonErrors} />
          <SubmitButton variant="secondary" size="sm" aria-label={`${t('reject')}: ${productName}`}>
            {t('reject')}
          </SubmitButton>
          <FormMessage state={rejectState} />
        </form>
      )}
    </div>
  );
}
