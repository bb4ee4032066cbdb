import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { StockLedgerTable } from '@/components/admin/stock-ledger-table';
import { Button, ButtonLink } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { ledgerFilterFromParams, ledgerFilterToSearch } from '@/lib/inventory/ledger-filter';
import { listLedger, MOVEMENT_REASONS } from '@/lib/inventory/ledger-queries';
import { listLocations } from '@/lib/locations/queries';

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.stockLedger'))('title') };
}

type Params = Record<string, string | string[] | undefined>;

/** The stock ledger: every movement, filterable by variant/SKU, location, reason and dates; CSV of the same filter. */
export default async function StockLedgerPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageRole(ADMIN_ROLES, '/admin/stock/ledger');
  const [t, locale, params] = await Promise.all([getTranslations('admin.stockLedger'), getLocale(), searchParams]);
  const filter = ledgerFilterFromParams(params);
  const rawPage = Array.isArray(params.page) ? params.page[0] : params.page;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(rawPage ?? '', 10) || 1));
  const db = getDb();
  const [locations, { rows, total }] = await Promise.all([
    listLocations(db),
    listLedger(db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, locale }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const search = ledgerFilterToSearch(filter);
  const hrefFor = (p: number) => {
    const s = new URLSearchParams(search);
    if (p > 1) s.set('page', String(p));
    const text = s.toString();
    return `/admin/stock/ledger${text ? `?${text}` : ''}`;
  };
  const csv = new URLSearchParams(search);
  csv.set('lang', locale);
  const filtered = search.toString() !== '';

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t('title')}
        description={t('intro')}
        back={{ href: '/admin/stock', label: t('back') }}
        actions={
          <ButtonLink href={`/api/admin/stock/ledger?${csv}`} variant="secondary" prefetch={false} download>
            {t('csv')}
          </ButtonLink>
        }
      />
      <form role="search" action="/admin/stock/ledger" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] lg:items-end">
        <div>
          <label htmlFor="ledger-q" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('search')}
          </label>
          <input id="ledger-q" type="search" name="q" defaultValue={filter.search ?? ''} placeholder={t('searchPlaceholder')} className={inputClass} />
        </div>
        <div>
          <label htmlFor="ledger-location" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('location')}
          </label>
          <select id="ledger-location" name="location" defaultValue={filter.locationId ?? ''} className={inputClass}>
            <option value="">{t('allLocations')}</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ledger-reason" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('reason')}
          </label>
          <select id="ledger-reason" name="reason" defaultValue={filter.reason ?? ''} className={inputClass}>
            <option value="">{t('allReasons')}</option>
            {MOVEMENT_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ledger-from" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('from')}
          </label>
          <input id="ledger-from" type="date" name="from" defaultValue={filter.from ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="ledger-to" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('to')}
          </label>
          <input id="ledger-to" type="date" name="to" defaultValue={filter.to ?? ''} className={inputClass} />
        </div>
        <div className="flex items-center gap-2">
          <Button type="submit">{t('filter')}</Button>
          {filtered && (
            <Link href="/admin/stock/ledger" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
              {t('clear')}
            </Link>
          )}
        </div>
      </form>
      <p aria-live="polite" className="mb-3 text-sm text-stone-600">
        {t('results', { count: total })}
      </p>
      <StockLedgerTable rows={rows} locale={locale} />
      <Pagination
        page={page}
        pages={pages}
        hrefFor={hrefFor}
        labels={{ nav: t('pagination'), page: t('page', { page, pages }), previous: t('previous'), next: t('next') }}
      />
    </div>
  );
}
