import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { TransferForm } from '@/components/admin/transfer-form';
import { TransferNotice } from '@/components/admin/transfer-notice';
import { TransferTable } from '@/components/admin/transfer-table';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listLocations } from '@/lib/locations/queries';
import { listTransfers, TRANSFER_STATUSES } from '@/lib/transfers/queries';

const PAGE_SIZE = 30;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.transfers'))('title') };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Transfers between locations: the list by status, the next step per transfer, and a new request. */
export default async function TransfersPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageRole(ADMIN_ROLES, '/admin/transfers');
  const [t, locale, params] = await Promise.all([getTranslations('admin.transfers'), getLocale(), searchParams]);
  const status = (TRANSFER_STATUSES as readonly string[]).includes(one(params.status)) ? (one(params.status) as (typeof TRANSFER_STATUSES)[number]) : undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one(params.page), 10) || 1));
  const db = getDb();
  const [locations, { rows, total }] = await Promise.all([
    listLocations(db),
    listTransfers(db, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefFor = (p: number) => {
    const s = new URLSearchParams();
    if (status) s.set('status', status);
    if (p > 1) s.set('page', String(p));
    const text = s.toString();
    return `/admin/transfers${text ? `?${text}` : ''}`;
  };
  const created = one(params.created);

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('title')} description={t('intro')} back={{ href: '/admin/stock', label: t('back') }} />
      <TransferNotice params={params} />
      {created && (
        <p role="status" className="mb-4 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-800 ring-1 ring-brand-200">
          {t('createdNotice')}
        </p>
      )}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem] xl:items-start">
        <section aria-labelledby="transfer-list-title" className="min-w-0">
          <h2 id="transfer-list-title" className="sr-only">
            {t('listTitle')}
          </h2>
          <nav aria-label={t('statusFilter')} className="mb-3 flex flex-wrap gap-2">
            {[undefined, ...TRANSFER_STATUSES].map((s) => (
              <Link
                key={s ?? 'all'}
                href={s ? `/admin/transfers?status=${s}` : '/admin/transfers'}
                aria-current={s === status ? 'page' : undefined}
                className="inline-flex min-h-11 items-center rounded-full px-4 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-100 aria-[current=page]:bg-stone-900 aria-[current=page]:text-white"
              >
                {s ? t(`status.${s}`) : t('all')}
              </Link>
            ))}
          </nav>
          <TransferTable rows={rows} locale={locale} filtered={!!status} />
          <Pagination page={page} pages={pages} hrefFor={hrefFor} labels={{ nav: t('pagination'), page: t('page', { page, pages }), previous: t('previous'), next: t('next') }} />
        </section>
        <Card>
          <TransferForm locations={locations.map((l) => ({ id: l.id, name: l.name }))} />
        </Card>
      </div>
    </div>
  );
}
