import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AuditFilters } from '@/components/admin/audit-filters';
import { AuditTable } from '@/components/admin/audit-table';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { Card } from '@/components/ui/card';
import { getAuditFacets, listAudit } from '@/lib/audit/queries';
import { AUDIT_PAGE_SIZE, auditFilterSchema, type AuditFilter } from '@/lib/audit/schemas';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.audit'))('title') };
}

type Params = Record<'actor' | 'action' | 'entityType' | 'from' | 'to' | 'page', string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function hrefFor(filter: AuditFilter, page: number): string {
  const search = new URLSearchParams();
  if (filter.actor) search.set('actor', String(filter.actor));
  if (filter.action) search.set('action', filter.action);
  if (filter.entityType) search.set('entityType', filter.entityType);
  if (filter.from) search.set('from', filter.from);
  if (filter.to) search.set('to', filter.to);
  if (page > 1) search.set('page', String(page));
  const s = search.toString();
  return `/admin/audit${s ? `?${s}` : ''}`;
}

/** Every admin and staff write, newest first; read-only (the database refuses UPDATE and DELETE). */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin/audit');
  const [t, locale, params] = await Promise.all([getTranslations('admin.audit'), getLocale(), searchParams]);
  const filter = auditFilterSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, one(v)])));
  const db = getDb();
  const [{ rows, total }, facets] = await Promise.all([listAudit(db, actor, filter), getAuditFacets(db, actor)]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  if (rows.length === 0 && total > 0) redirect(hrefFor(filter, pages));
  const filtered = [filter.actor, filter.action, filter.entityType, filter.from, filter.to].some((v) => v !== undefined);
  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('title')} description={t('intro')} />
      <AuditFilters filter={filter} facets={facets} />
      <p aria-live="polite" className="mb-3 text-sm text-stone-600">
        {t('results', { count: total })}
      </p>
      {rows.length === 0 ? (
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold text-stone-900">{t('emptyTitle')}</h2>
          <p className="mt-1 text-stone-600">{filtered ? t('emptyFiltered') : t('emptyAll')}</p>
        </Card>
      ) : (
        <AuditTable entries={rows} locale={locale as Locale} />
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
