import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { ProductsTable } from '@/components/admin/product-table';
import { Button, ButtonLink } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { listAdminCategories, listAdminProducts, type ActiveFilter } from '@/lib/catalog/admin-queries';
import { getDb } from '@/lib/db';

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.catalog.list'))('title') };
}

type Params = { q?: string | string[]; category?: string | string[]; status?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageRole(ADMIN_ROLES, '/admin/products');
  const [t, locale, params] = await Promise.all([getTranslations('admin.catalog.list'), getLocale(), searchParams]);
  const q = one(params.q).trim().slice(0, 100);
  const categoryId = /^\d{1,9}$/.test(one(params.category)) ? Number(one(params.category)) : undefined;
  const status: ActiveFilter = one(params.status) === 'active' || one(params.status) === 'inactive' ? (one(params.status) as ActiveFilter) : 'all';
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(params.page), 10) || 1));

  const db = getDb();
  const [categories, { rows, total }] = await Promise.all([
    listAdminCategories(db),
    listAdminProducts(db, { search: q, categoryId, active: status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, locale, now: new Date() }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefFor = (p: number) => {
    const search = new URLSearchParams();
    if (q) search.set('q', q);
    if (categoryId) search.set('category', String(categoryId));
    if (status !== 'all') search.set('status', status);
    if (p > 1) search.set('page', String(p));
    const s = search.toString();
    return `/admin/products${s ? `?${s}` : ''}`;
  };
  // A page past the end (an old link after products were filtered away): go to the last one.
  if (rows.length === 0 && total > 0) redirect(hrefFor(pages));
  const filtered = q || categoryId || status !== 'all';

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <>
            <ButtonLink href="/admin/categories" variant="ghost">
              {t('categories')}
            </ButtonLink>
            <ButtonLink href="/admin/products/import" variant="secondary">
              {t('importCsv')}
            </ButtonLink>
            {/* A download, not a page: a plain link so the browser saves the file. */}
            <a href="/api/admin/products/export" className="inline-flex h-11 items-center rounded-lg bg-white px-4 text-sm font-medium text-stone-800 ring-1 ring-stone-300 hover:bg-stone-100">
              {t('exportCsv')}
            </a>
            <ButtonLink href="/admin/products/new">{t('newProduct')}</ButtonLink>
          </>
        }
      />

      <form role="search" action="/admin/products" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="w-full max-w-sm">
          <label htmlFor="product-search" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('search')}
          </label>
          <input id="product-search" type="search" name="q" defaultValue={q} placeholder={t('searchPlaceholder')} maxLength={100} className={inputClass} />
        </div>
        <div>
          <label htmlFor="product-category" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('category')}
          </label>
          <select id="product-category" name="category" defaultValue={categoryId ?? ''} className={inputClass}>
            <option value="">{t('allCategories')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {locale === 'en' ? c.nameEn : c.nameNl}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="product-status" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('status')}
          </label>
          <select id="product-status" name="status" defaultValue={status} className={inputClass}>
            <option value="all">{t('statusAll')}</option>
            <option value="active">{t('statusActive')}</option>
            <option value="inactive">{t('statusInactive')}</option>
          </select>
        </div>
        <Button type="submit">{t('filter')}</Button>
        {filtered && (
          <Link href="/admin/products" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
            {t('clear')}
          </Link>
        )}
      </form>

      <p className="mb-3 text-sm text-stone-600" aria-live="polite">
        {t('results', { count: total })}
      </p>
      <ProductsTable rows={rows} locale={locale} />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={hrefFor}
        labels={{ nav: t('pagination'), page: t('page', { page, pages }), previous: t('previous'), next: t('next') }}
      />
    </div>
  );
}
