import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { verifiedBadgeKey, type MyReviewState, type PublicReview, type ReviewSummary } from '@/lib/reviews/queries';
import { ReviewForm } from './review-form';
import { formatAverage, StarRating } from '@/components/ui/star-rating';

/**
 * The product page's "Reviews": the average with its distribution, the published reviews newest first
 * (title and text rendered as text, never as HTML), and the form for a signed-in verified buyer.
 */
export async function ProductReviews({
  productId,
  slug,
  summary,
  reviews,
  me,
  signedIn,
  locale,
}: {
  productId: number;
  slug: string;
  summary: ReviewSummary;
  reviews: PublicReview[];
  me: MyReviewState;
  signedIn: boolean;
  locale: Locale;
}) {
  const t = await getTranslations('reviews.section');
  const summaryText = t('summary', { average: formatAverage(summary.average, locale), count: summary.count });
  return (
    <section aria-labelledby="reviews-title" className="mt-10 max-w-3xl">
      <h2 id="reviews-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      {summary.count > 0 ? (
        <div className="mt-3 flex flex-wrap items-start gap-6">
          <p className="flex items-center gap-3">
            <StarRating rating={summary.average} label={summaryText} className="text-2xl" />
            <span aria-hidden="true" className="text-stone-700">
              {summaryText}
            </span>
          </p>
          <dl aria-label={t('distribution')} className="grid grid-cols-[auto_auto] gap-x-3 text-sm text-stone-600">
            {[5, 4, 3, 2, 1].map((stars) => (
              <div key={stars} className="contents">
                <dt>{'★'.repeat(stars)}</dt>
                <dd className="tabular-nums">
                  <span className="sr-only">{t('starsRow', { stars, count: summary.distribution[stars - 1] })}</span>
                  <span aria-hidden="true">{summary.distribution[stars - 1]}</span>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : (
        <p className="mt-2 text-stone-600">{me.canReview ? t('noneBuyer') : t('none')}</p>
      )}

      {reviews.length > 0 && (
        <ul className="mt-6 divide-y divide-stone-200">
          {reviews.map((review) => (
            <li key={review.id} className="py-4">
              <article aria-labelledby={`review-${review.id}-heading`}>
                <div className="flex flex-wrap items-center gap-2">
                  <StarRating rating={review.rating} label={t('rating', { rating: review.rating })} />
                  <h3 id={`review-${review.id}-heading`} className="font-semibold">
                    {review.title ?? t('rating', { rating: review.rating })}
                  </h3>
                  {review.verifiedBuyer && <Badge tone="brand">{t(verifiedBadgeKey(review))}</Badge>}
                </div>
                <p className="mt-1 text-sm text-stone-500">{t('by', { name: review.authorFirstName, date: formatDate(review.createdAt, locale) })}</p>
                {review.body && (
                  <p lang={review.locale} className="mt-2 leading-relaxed whitespace-pre-line text-stone-700">
                    {review.body}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}

      <div className="mt-6">
        {me.canReview ? (
          <ReviewForm
            productId={productId}
            mine={me.mine && { rating: me.mine.rating, title: me.mine.title, body: me.mine.body, status: me.mine.status, rejectReason: me.mine.rejectReason }}
          />
        ) : signedIn ? (
          <p className="text-sm text-stone-600">{t('onlyBuyers')}</p>
        ) : (
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/products/${slug}#reviews-title`)}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t('signInToReview')}
          </Link>
        )}
      </div>
    </section>
  );
}
