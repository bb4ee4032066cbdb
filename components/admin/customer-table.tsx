import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import type { CustomerListRow } from '@/lib/customers/queries';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';

/** The admin's customer list. */
export function CustomersTable({
  rows,
  locale,
  empty,
}: {
  rows: CustomerListRow[];
  locale: Locale;
  empty: string;
}) {
  const t = useTranslations('customers.admin');
  const dash = '—';
  const columns: DataColumn<CustomerListRow>[] = [
    {
      key: 'name',
      header: t('colName'),
      cell: (c) => (
        <Link
          href={`/admin/customers/${c.id}`}
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {c.name}
        </Link>
      ),
    },
    { key: 'email', header: t('colEmail'), cell: (c) => c.email ?? dash },
    { key: 'phone', header: t('colPhone'), cell: (c) => c.phone ?? dash },
    {
      key: 'card',
      header: t('colCard'),
      cell: (c) => <span className="tabular-nums">{c.loyaltyCardNumber ?? dash}</span>,
    },
    { key: 'store', header: t('colStore'), cell: (c) => c.preferredStore ?? dash },
    { key: 'orders', header: t('colOrders'), numeric: true, cell: (c) => c.orderCount },
    {
      key: 'last',
      header: t('colLastOrder'),
      cell: (c) => (c.lastOrderAt ? formatDate(c.lastOrderAt, locale) : dash),
    },
  ];
  return (
    <DataTable caption={t('caption')} columns={columns} rows={rows} rowKey={(c) => c.id} empty={empty} />
  );
}
