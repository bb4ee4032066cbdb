import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { StockTable, type StockColumn } from '@/components/admin/stock-table';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { LOW_STOCK_THRESHOLD, listAdminStock } from '@/lib/inventory/admin-stock';
import { listLocations } from '@/lib/locations/queries';

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.products'))('title') };
}

type Params = { q?: string | string[]; low?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function ProductsStockPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageRole(ADMIN_ROLES, '/admin/products');
  const [t, locale, params] = await Promise.all([
    getTranslations('admin.products'),
    getLocale(),
    searchParams,
  ]);
  const q = one(params.q).trim().slice(0, 100);
  const lowOnly = one(params.low) === '1';
  const requested = Math.max(1, Math.min(10_000, Number.parseInt(one(params.page), 10) || 1));

  const db = getDb();
  const [locations, { rows, total }] = await Promise.all([
    listLocations(db),
    listAdminStock(db, { search: q, lowOnly, limit: PAGE_SIZE, offset: (requested - 1) * PAGE_SIZE, locale }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = requested;
  // Warehouse first, then the stores by city: short headers, the full name as a tooltip.
  const columns: StockColumn[] = locations.map((l) => ({
    id: l.id,
    name: l.name,
    label: l.kind === 'warehouse' ? t('warehouse') : l.city,
  }));

  const hrefFor = (p: number) => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (lowOnly) search.set('low', '1');
    if (p > 1) search.set('page', String(p));
    const s = search.toString();
    return `/admin/products${s ? `?${s}` : ''}`;
  };

  // A page past the end (an old link after stock changed): go to the last one.
  if (rows.length === 0 && total > 0) redirect(hrefFor(pages));

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('title')} description={t('intro')} />

      <form role="search" action="/admin/products" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="w-full max-w-md">
          <label htmlFor="stock-search" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('search')}
          </label>
          <input
            id="stock-search"
            type="search"
            name="q"
            defaultValue={q}
            placeholder={t('searchPlaceholder')}
            className={inputClass}
          />
        </div>
        <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg bg-white px-3 text-sm text-stone-800 ring-1 ring-stone-300 has-checked:bg-amber-50 has-checked:ring-amber-400">
          <input
            type="checkbox"
            name="low"
            value="1"
            defaultChecked={lowOnly}
            className="size-4 accent-brand-600"
          />
          {t('lowOnly')}
        </label>
        <Button type="submit">{t('searchSubmit')}</Button>
        {(q || lowOnly) && (
          <Link
            href="/admin/products"
            className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline"
          >
            {t('clear')}
          </Link>
        )}
      </form>

      <div className="mb-3 flex flex-wrap items-center justify-between gap-3 text-sm text-stone-600">
        <p aria-live="polite">{t('results', { count: total })}</p>
        {rows.length > 0 && (
          <p className="flex items-center gap-4">
            <span className="inline-flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block size-3 rounded-sm bg-red-100 ring-1 ring-red-300"
              />{' '}
              {t('legendOut')}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block size-3 rounded-sm bg-amber-100 ring-1 ring-amber-300"
              />
              {t('legendLow', { threshold: LOW_STOCK_THRESHOLD })}
            </span>
          </p>
        )}
      </div>

      {rows.length === 0 ? (
        <Card className="py-12 text-center">
          <h2 className="text-lg font-semibold text-stone-900">{t('emptyTitle')}</h2>
          <p className="mt-1 text-stone-600">{q ? t('emptyBody', { query: q }) : t('emptyLow')}</p>
        </Card>
      ) : (
        <StockTable rows={rows} columns={columns} locale={locale} />
      )}

      <Pagination
        page={page}
        pages={pages}
        hrefFor={hrefFor}
        labels={{
          nav: t('pagination'),
          page: t('page', { page, pages }),
          previous: t('previous'),
          next: t('next'),
        }}
      />
    </div>
  );
}
