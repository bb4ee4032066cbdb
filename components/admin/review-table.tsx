import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StarRating } from '@/components/ui/star-rating';
import { Badge } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import type { AdminReviewRow } from '@/lib/reviews/queries';
import { ReviewModerateButton } from './review-moderate-button';

const STATUS_TONE = { pending: 'warning', published: 'brand', rejected: 'neutral' } as const;

/** The moderation list: product, customer, rating, text (as text), status and the one action. */
export async function ReviewTable({ rows, locale }: { rows: AdminReviewRow[]; locale: Locale }) {
  const t = await getTranslations('reviews.admin');
  const tSection = await getTranslations('reviews.section');
  return (
    <DataTable
      caption={t('caption')}
      rows={rows}
      rowKey={(r) => r.id}
      empty={t('empty')}
      columns={[
        {
          key: 'product',
          header: t('product'),
          cell: (r) => (
            <Link href={`/products/${r.productSlug}`} className="font-medium text-brand-700 hover:underline">
              {r.productName}
            </Link>
          ),
        },
        {
          key: 'customer',
          header: t('customer'),
          cell: (r) => (
            <Link href={`/admin/customers/${r.customerId}`} className="hover:underline">
              {r.customerName}
            </Link>
          ),
        },
        { key: 'rating', header: t('rating'), cell: (r) => <StarRating rating={r.rating} label={tSection('rating', { rating: r.rating })} className="text-base" /> },
        {
          key: 'text',
          header: t('text'),
          className: 'max-w-md',
          cell: (r) => (
            <div>
              {r.title && <p className="font-medium">{r.title}</p>}
              {r.body && <p className="line-clamp-4 whitespace-pre-line text-stone-700">{r.body}</p>}
              {r.status === 'rejected' && r.rejectReason && <p className="mt-1 text-sm text-amber-800">{t('rejectReasonShown', { reason: r.rejectReason })}</p>}
            </div>
          ),
        },
        { key: 'purchase', header: t('purchase'), cell: (r) => (r.purchaseChannel === 'store' ? t('purchaseStore') : r.purchaseChannel === 'web' ? t('purchaseWeb') : '—') },
        { key: 'date', header: t('date'), cell: (r) => formatDate(r.createdAt, locale) },
        { key: 'status', header: t('status'), cell: (r) => <Badge tone={STATUS_TONE[r.status]}>{t(r.status)}</Badge> },
        { key: 'actions', header: t('actions'), headerHidden: true, cell: (r) => <ReviewModerateButton reviewId={r.id} status={r.status} productName={r.productName} /> },
      ]}
    />
  );
}
