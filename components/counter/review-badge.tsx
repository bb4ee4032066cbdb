import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatAverage, StarRating } from '@/components/ui/star-rating';
import type { Locale } from '@/lib/i18n/config';
import type { CounterReviewBadge } from '@/lib/reviews/queries';

/** A search result's reviews at the counter (average and count) and the link to its in-store display page. */
export function ReviewBadge({ badge, productName, locale }: { badge: CounterReviewBadge; productName: string; locale: Locale }) {
  const t = useTranslations('reviews');
  const average = formatAverage(badge.average, locale);
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600">
      {badge.count > 0 ? (
        <span className="inline-flex items-center gap-1.5">
          <StarRating rating={badge.average} label={t('section.summary', { average, count: badge.count })} className="text-base" />
          <span aria-hidden="true">{t('counter.summary', { average, count: badge.count })}</span>
        </span>
      ) : (
        <span>{t('counter.none')}</span>
      )}
      <Link
        href={`/display/products/${badge.slug}`}
        target="_blank"
        aria-label={`${t('counter.display')}: ${productName}`}
        className="font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {t('counter.display')}
      </Link>
    </p>
  );
}
