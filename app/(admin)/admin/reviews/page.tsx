import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { ReviewTable } from '@/components/admin/review-table';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { listReviewsForAdmin } from '@/lib/reviews/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reviews.admin'))('title') };
}

const FILTERS = ['pending', 'published', 'rejected', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** The reviews awaiting approval first (?status= shows the published, the rejected or all), newest first. */
export default async function AdminReviewsPage({ searchParams }: { searchParams: Promise<{ status?: string | string[] }> }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin/reviews');
  const [t, locale, params] = await Promise.all([getTranslations('reviews.admin'), getLocale(), searchParams]);
  const filter: Filter = FILTERS.find((f) => f === params.status) ?? 'pending';
  const rows = await listReviewsForAdmin(getDb(), actor, { status: filter === 'all' ? undefined : filter, locale: locale as Locale });
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('title')} description={t('intro')} />
      <nav aria-label={t('filterLabel')} className="mb-4 flex gap-2 text-sm">
        {FILTERS.map((f) => {
          const current = filter === f;
          return (
            <Link
              key={f}
              href={f === 'pending' ? '/admin/reviews' : `/admin/reviews?status=${f}`}
              aria-current={current ? 'page' : undefined}
              className="rounded-full px-3 py-1.5 font-medium text-stone-600 ring-1 ring-stone-300 hover:bg-stone-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800 aria-[current=page]:ring-brand-300"
            >
              {f === 'all' ? t('filterAll') : t(f)}
            </Link>
          );
        })}
      </nav>
      <ReviewTable rows={rows} locale={locale as Locale} />
    </div>
  );
}
