import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { ReturnFilters } from '@/components/admin/returns/return-filters';
import { ReturnTable } from '@/components/admin/returns/return-table';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listLocations } from '@/lib/locations/queries';
import { listReturns } from '@/lib/returns/queries';
import { RETURN_STATUSES } from '@/lib/returns/web-schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.returns'))('title') };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').slice(0, 200);

/** Every return, any channel: filtered by status, how it comes back, where, or searched by RMA, order, customer. */
export default async function ReturnsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageRole(ADMIN_ROLES, '/admin/returns');
  const [t, locale, params] = await Promise.all([getTranslations('admin.returns'), getLocale(), searchParams]);
  const status = (RETURN_STATUSES as readonly string[]).includes(one(params.status)) ? (one(params.status) as (typeof RETURN_STATUSES)[number]) : undefined;
  const method = one(params.method) === 'post' || one(params.method) === 'counter' ? (one(params.method) as 'post' | 'counter') : undefined;
  const locationText = one(params.location);
  const locationId = /^[0-9]{1,9}$/.test(locationText) ? Number(locationText) : undefined;
  const q = one(params.q).trim() || undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(params.page), 10) || 1));
  const db = getDb();
  const [locations, list] = await Promise.all([listLocations(db), listReturns(db, { status, method, locationId, q, page })]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const hrefFor = (p: number) => {
    const s = new URLSearchParams();
    if (q) s.set('q', q);
    if (status) s.set('status', status);
    if (method) s.set('method', method);
    if (locationId) s.set('location', String(locationId));
    if (p > 1) s.set('page', String(p));
    const text = s.toString();
    return `/admin/returns${text ? `?${text}` : ''}`;
  };
  const values = { q: q ?? '', status: status ?? '', method: method ?? '', location: locationId ? String(locationId) : '' };

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('title')} description={t('intro')} />
      <ReturnFilters values={values} statuses={RETURN_STATUSES} locations={locations.map((l) => ({ id: l.id, name: l.name }))} />
      <p className="mb-2 text-sm text-stone-600" role="status">
        {t('count', { count: list.total })}
      </p>
      <ReturnTable rows={list.rows} locale={locale} filtered={Object.values(values).some(Boolean)} />
      <Pagination page={page} pages={pages} hrefFor={hrefFor} labels={{ nav: t('pagination'), page: t('page', { page, pages }), previous: t('previous'), next: t('next') }} />
    </div>
  );
}
