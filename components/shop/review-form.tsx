'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ReviewStatus } from '@/lib/reviews/schemas';
import { writeReviewAction } from '@/lib/reviews/actions';
import { RATINGS, REVIEW_BODY_MAX, REVIEW_TITLE_MAX } from '@/lib/reviews/limits';

export interface OwnReview {
  rating: number;
  title: string | null;
  body: string | null;
  status: ReviewStatus;
  rejectReason: string | null;
}

/** "Write a review" for a verified buyer; with their earlier review filled in, posting replaces it. */
export function ReviewForm({ productId, mine }: { productId: number; mine: OwnReview | null }) {
  const t = useTranslations('reviews.form');
  const [state, formAction] = useActionState(writeReviewAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const rating = values?.rating ?? (mine ? String(mine.rating) : '');
  return (
    <form action={formAction} noValidate className="space-y-4 rounded-2xl bg-stone-50 p-5 ring-1 ring-stone-200">
      <h3 id="review-form-title" className="text-base font-semibold">
        {mine ? t('editTitle') : t('title')}
      </h3>
      {mine && (
        <p className={`rounded-lg px-3 py-2 text-sm ring-1 ${mine.status === 'rejected' ? 'bg-amber-50 text-amber-900 ring-amber-200' : 'bg-white text-stone-700 ring-stone-200'}`}>
          {mine.status === 'pending' ? t('pendingNote') : mine.status === 'rejected' ? t('rejectedNote', { reason: mine.rejectReason ?? '' }) : t('publishedNote')}
        </p>
      )}
      <input type="hidden" name="productId" value={productId} />
      <fieldset role="radiogroup" aria-labelledby="review-rating-legend" aria-describedby="review-rating-error">
        <legend id="review-rating-legend" className="mb-1.5 text-sm font-medium text-stone-700">
          {t('rating')}
        </legend>
        <div className="flex flex-wrap gap-2">
          {RATINGS.map((n) => (
            <label key={n} className="flex min-h-11 items-center gap-2 rounded-lg bg-white px-3 ring-1 ring-stone-300 has-checked:ring-2 has-checked:ring-brand-600">
              <input type="radio" name="rating" value={n} defaultChecked={rating === String(n)} className="size-4 accent-brand-600" />
              <span>{t('star', { count: n })}</span>
            </label>
          ))}
        </div>
        <FieldError id="review-rating-error" errors={errors?.rating} />
      </fieldset>
      <Field label={t('reviewTitle')} name="title" id="review-title" maxLength={REVIEW_TITLE_MAX} defaultValue={values?.title ?? mine?.title ?? ''} errors={errors?.title} />
      <div>
        <label htmlFor="review-body" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('body')}
        </label>
        <textarea
          id="review-body"
          name="body"
          rows={5}
          maxLength={REVIEW_BODY_MAX}
          defaultValue={values?.body ?? mine?.body ?? ''}
          aria-invalid={errors?.body?.length ? true : undefined}
          aria-describedby="review-body-hint review-body-error"
          className={inputClass}
        />
        <p id="review-body-hint" className="mt-1 text-sm text-stone-500">
          {t('bodyHint', { max: REVIEW_BODY_MAX })}
        </p>
        <FieldError id="review-body-error" errors={errors?.body} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
    </form>
  );
}
