import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { OrderFilters } from '@/components/admin/order-filters';
import { OrderTable } from '@/components/admin/order-table';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isFiltered, orderListHref } from '@/lib/order-admin/list-url';
import { listAdminOrders, listOrderLocations } from '@/lib/order-admin/queries';
import { ORDER_PAGE_SIZE, orderListFilterSchema } from '@/lib/order-admin/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.orders'))('title') };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Every order of every channel: search, filters, sorting and pages, all in the URL. */
export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin/orders');
  const [t, locale, params] = await Promise.all([getTranslations('admin.orders'), getLocale(), searchParams]);
  const filter = orderListFilterSchema.parse(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, one(v)])));

  const db = getDb();
  const [{ rows, total }, locations] = await Promise.all([listAdminOrders(db, actor, filter), listOrderLocations(db)]);
  const pages = Math.max(1, Math.ceil(total / ORDER_PAGE_SIZE));
  // A page past the end (an old link): go to the last one.
  if (rows.length === 0 && total > 0) redirect(orderListHref(filter, { page: pages }));

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('title')} description={t('intro')} />
      <OrderFilters filter={filter} locations={locations} />
      <p aria-live="polite" className="mb-3 text-sm text-stone-600">
        {t('results', { count: total })}
      </p>
      <OrderTable rows={rows} filter={filter} locale={locale} empty={isFiltered(filter) ? t('emptyFiltered') : t('emptyAll')} />
      <Pagination
        page={filter.page}
        pages={pages}
        hrefFor={(page) => orderListHref(filter, { page })}
        labels={{ nav: t('pagination'), page: t('page', { page: filter.page, pages }), previous: t('previous'), next: t('next') }}
      />
    </div>
  );
}
