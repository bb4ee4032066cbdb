'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { moderateReviewAction } from '@/lib/reviews/actions';

/** "Hide" on a published review, "Publish" on a hidden one; the outcome is announced in place. */
export function ReviewModerateButton({ reviewId, status, productName }: { reviewId: number; status: 'published' | 'hidden'; productName: string }) {
  const t = useTranslations('reviews.admin');
  const [state, formAction] = useActionState(moderateReviewAction, null);
  const next = status === 'published' ? 'hidden' : 'published';
  const label = next === 'hidden' ? t('hide') : t('publish');
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="status" value={next} />
      <SubmitButton variant="secondary" size="sm" aria-label={`${label}: ${productName}`}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
