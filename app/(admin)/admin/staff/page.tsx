import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { StatusBanner } from '@/components/admin/status-banner';
import { StaffTable } from '@/components/admin/staff-table';
import { buttonClass } from '@/components/ui/button';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listStaff } from '@/lib/staff/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.staff'))('title') };
}

/** Every clerk and admin, with role, store and status; "Add staff member" and each person's page. */
export default async function StaffPage({ searchParams }: { searchParams: Promise<{ created?: string | string[] }> }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin/staff');
  const [t, params] = await Promise.all([getTranslations('admin.staff'), searchParams]);
  const staff = await listStaff(getDb(), actor);
  const createdId = Number(Array.isArray(params.created) ? params.created[0] : params.created);
  const created = staff.find((s) => s.id === createdId);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <Link href="/admin/staff/new" className={buttonClass('primary')}>
            {t('add')}
          </Link>
        }
      />
      <StatusBanner message={created ? t('created', { email: created.email }) : null} />
      <StaffTable staff={staff} currentUserId={actor.userId} />
    </div>
  );
}
