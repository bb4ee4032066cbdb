import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { OutboxFilters } from '@/components/admin/outbox-filters';
import { OutboxTable } from '@/components/admin/outbox-table';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { countOutboxByStatus, listOutbox, OUTBOX_PAGE_SIZE } from '@/lib/notifications/queries';
import { outboxFilterSchema, type OutboxFilter } from '@/lib/notifications/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.outbox'))('title') };
}

type Params = { status?: string | string[]; channel?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function hrefFor(filter: OutboxFilter, page: number): string {
  const search = new URLSearchParams();
  if (filter.status) search.set('status', filter.status);
  if (filter.channel) search.set('channel', filter.channel);
  if (page > 1) search.set('page', String(page));
  const s = search.toString();
  return `/admin/outbox${s ? `?${s}` : ''}`;
}

/** Every message the shop sent or is sending (DESIGN invariant 8: nothing silently lost). */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin/outbox');
  const [t, locale, params] = await Promise.all([getTranslations('admin.outbox'), getLocale(), searchParams]);
  const filter = outboxFilterSchema.parse({ status: one(params.status), channel: one(params.channel), page: one(params.page) });

  const db = getDb();
  const [{ rows, total }, counts] = await Promise.all([listOutbox(db, actor, filter), countOutboxByStatus(db, actor)]);
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  // A page past the end (an old link): go to the last one.
  if (rows.length === 0 && total > 0) redirect(hrefFor(filter, pages));
  const filtered = filter.status !== undefined || filter.channel !== undefined;

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('title')} description={t('intro')} />
      <OutboxFilters filter={filter} counts={counts} />
      <p aria-live="polite" className="mb-3 text-sm text-stone-600">
        {t('results', { count: total })}
      </p>
      {rows.length === 0 ? (
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold text-stone-900">{t('emptyTitle')}</h2>
          <p className="mt-1 text-stone-600">{filtered ? t('emptyFiltered') : t('emptyAll')}</p>
        </Card>
      ) : (
        <OutboxTable messages={rows} locale={locale} />
      )}
      <Pagination
        page={filter.page}
        pages={pages}
        hrefFor={(p) => hrefFor(filter, p)}
        labels={{ nav: t('pagination'), page: t('page', { page: filter.page, pages }), previous: t('previous'), next: t('next') }}
      />
    </div>
  );
}
