import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { StaffMemberDto } from '@/lib/staff/queries';

/** The staff list: name (and "you"), email, role, store, status, and a link to manage each person. */
export async function StaffTable({ staff, currentUserId }: { staff: StaffMemberDto[]; currentUserId: number }) {
  const t = await getTranslations('admin.staff');
  return (
    <DataTable
      caption={t('caption')}
      rows={staff}
      rowKey={(s) => s.id}
      empty={t('empty')}
      rowClassName={(s) => (s.disabled ? 'bg-stone-50 text-stone-500' : undefined)}
      columns={[
        {
          key: 'name',
          header: t('name'),
          cell: (s) => (
            <span className="font-medium text-stone-900">
              {s.name}
              {s.id === currentUserId && <span className="ml-2 text-xs font-normal text-stone-500">({t('you')})</span>}
            </span>
          ),
        },
        { key: 'email', header: t('email'), cell: (s) => s.email },
        { key: 'role', header: t('role'), cell: (s) => t(`roles.${s.role}`) },
        { key: 'store', header: t('store'), cell: (s) => s.storeName ?? t('allStores') },
        {
          key: 'status',
          header: t('status'),
          cell: (s) => <Badge tone={s.disabled ? 'danger' : 'brand'}>{t(s.disabled ? 'statuses.disabled' : 'statuses.active')}</Badge>,
        },
        {
          key: 'actions',
          header: t('actions'),
          headerHidden: true,
          className: 'text-right',
          cell: (s) => (
            <Link
              href={`/admin/staff/${s.id}`}
              aria-label={t('manageLabel', { name: s.name })}
              className="-my-3 inline-flex min-h-11 items-center px-2 font-medium text-brand-700 hover:underline"
            >
              {t('manage')}
            </Link>
          ),
        },
      ]}
    />
  );
}
