import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CustomersTable } from '@/components/admin/customer-table';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/admin/pagination';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { CUSTOMER_PAGE_SIZE, listCustomers, type CustomerListRow } from '@/lib/customers/queries';
import { customerListFilterSchema, type CustomerListFilter } from '@/lib/customers/schemas';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { getLocale } from '@/lib/i18n/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('customers.admin'))('title') };
}

type Params = { q?: string | string[]; page?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function hrefFor(filter: CustomerListFilter, page: number): string {
  const search = new URLSearchParams();
  if (filter.q) search.set('q', filter.q);
  if (page > 1) search.set('page', String(page));
  const s = search.toString();
  return `/admin/customers${s ? `?${s}` : ''}`;
}

/** Every customer profile (web, counter, guests), searchable by email, phone, card or name. */
export default async function AdminCustomersPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin/customers');
  const [t, tErrors, locale, params] = await Promise.all([
    getTranslations('customers.admin'),
    getTranslations('errors'),
    getLocale(),
    searchParams,
  ]);
  const filter = customerListFilterSchema.parse({ q: one(params.q), page: one(params.page) });

  let result: { rows: CustomerListRow[]; total: number } = { rows: [], total: 0 };
  let error: string | undefined;
  try {
    result = await listCustomers(getDb(), actor, filter);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'invalidPhoneNumber') throw e;
    error = tErrors('invalidPhoneNumber', e.values);
  }
  const pages = Math.max(1, Math.ceil(result.total / CUSTOMER_PAGE_SIZE));
  if (result.rows.length === 0 && result.total > 0) redirect(hrefFor(filter, pages));

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader title={t('title')} description={t('intro')} />
      <Form action="/admin/customers" className="mb-4 flex max-w-2xl flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="customer-search" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('search')}
          </label>
          <input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={filter.q}
            key={filter.q}
            autoComplete="off"
            maxLength={100}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'customer-search-error' : undefined}
            className={inputClass}
          />
        </div>
        <Button type="submit" variant="secondary">
          {t('searchSubmit')}
        </Button>
        {filter.q && (
          <Link
            href="/admin/customers"
            className="inline-flex h-11 items-center px-2 text-sm font-medium text-brand-700 underline"
          >
            {t('clear')}
          </Link>
        )}
        <div className="basis-full">
          <FieldError id="customer-search-error" errors={error ? [error] : undefined} />
        </div>
      </Form>
      <p aria-live="polite" className="mb-3 text-sm text-stone-600">
        {t('results', { count: result.total })}
      </p>
      <CustomersTable
        rows={result.rows}
        locale={locale}
        empty={filter.q ? t('emptyFiltered') : t('emptyAll')}
      />
      <Pagination
        page={filter.page}
        pages={pages}
        hrefFor={(p) => hrefFor(filter, p)}
        labels={{
          nav: t('pagination'),
          page: t('page', { page: filter.page, pages }),
          previous: t('previous'),
          next: t('next'),
        }}
      />
    </div>
  );
}
