import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { StockMatrix, type StockMatrixColumn } from '@/components/admin/stock-matrix';
import { Button, ButtonLink } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listAdminStock } from '@/lib/inventory/admin-stock';
import { listLocations } from '@/lib/locations/queries';

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.stock'))('title') };
}

type Params = { q?: string | string[]; low?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Stock per location: search, "low only", and a cell per position that opens its adjustment. */
export default async function StockPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageRole(ADMIN_ROLES, '/admin/stock');
  const [t, locale, params] = await Promise.all([getTranslations('admin.stock'), getLocale(), searchParams]);
  const q = one(params.q).trim().slice(0, 100);
  const lowOnly = one(params.low) === '1';
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(params.page), 10) || 1));
  const db = getDb();
  const [locations, { rows, total, defaultThreshold }] = await Promise.all([
    listLocations(db),
    listAdminStock(db, { search: q, lowOnly, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, locale }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const columns: StockMatrixColumn[] = locations.map((l) => ({ id: l.id, name: l.name, label: l.kind === 'warehouse' ? t('warehouse') : l.city }));
  const hrefFor = (p: number) => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (lowOnly) search.set('low', '1');
    if (p > 1) search.set('page', String(p));
    const s = search.toString();
    return `/admin/stock${s ? `?${s}` : ''}`;
  };
  if (rows.length === 0 && total > 0) redirect(hrefFor(pages));

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <>
            <ButtonLink href="/admin/stock/ledger" variant="secondary">
              {t('ledgerLink')}
            </ButtonLink>
            <ButtonLink href="/admin/transfers" variant="secondary">
              {t('transfersLink')}
            </ButtonLink>
          </>
        }
      />
      <form role="search" action="/admin/stock" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="w-full max-w-md">
          <label htmlFor="stock-search" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('search')}
          </label>
          <input id="stock-search" type="search" name="q" defaultValue={q} placeholder={t('searchPlaceholder')} className={inputClass} />
        </div>
        <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg bg-white px-3 text-sm text-stone-800 ring-1 ring-stone-300 has-checked:bg-amber-50 has-checked:ring-amber-400">
          <input type="checkbox" name="low" value="1" defaultChecked={lowOnly} className="size-4 accent-brand-600" />
          {t('lowOnly')}
        </label>
        <Button type="submit">{t('searchSubmit')}</Button>
        {(q || lowOnly) && (
          <Link href="/admin/stock" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
            {t('clear')}
          </Link>
        )}
      </form>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3 text-sm text-stone-600">
        <p aria-live="polite">{t('results', { count: total })}</p>
        <p className="flex flex-wrap items-center gap-4">
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-red-100 ring-1 ring-red-300" /> {t('legendOut')}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-amber-100 ring-1 ring-amber-300" />
            {t('legendLow', { threshold: defaultThreshold })}
          </span>
          <span>{t('legendNone')}</span>
        </p>
      </div>
      <StockMatrix rows={rows} columns={columns} defaultThreshold={defaultThreshold} />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={hrefFor}
        labels={{ nav: t('pagination'), page: t('page', { page, pages }), previous: t('previous'), next: t('next') }}
      />
    </div>
  );
}
