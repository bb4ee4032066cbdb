import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { StaffAccessForms, StaffRoleForm } from '@/components/admin/staff-manage';
import { Badge } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listStores } from '@/lib/locations/queries';
import { getStaffMember } from '@/lib/staff/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.staff'))('title') };
}

/** One staff member: role and store, a password reset link, deactivate / reactivate. */
export default async function StaffMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(ADMIN_ROLES, `/admin/staff/${encodeURIComponent(id)}`);
  if (!/^[0-9]{1,9}$/.test(id)) notFound();
  const db = getDb();
  const [t, member, stores] = await Promise.all([getTranslations('admin.staff'), getStaffMember(db, actor, Number(id)), listStores(db)]);
  if (!member) notFound();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title={t('editTitle', { name: member.name })}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>
              {t('editIntro', { email: member.email, role: t(`roles.${member.role}`) })}
              {member.storeName && ` · ${member.storeName}`}
            </span>
            <Badge tone={member.disabled ? 'danger' : 'brand'}>{t(member.disabled ? 'statuses.disabled' : 'statuses.active')}</Badge>
            {member.id === actor.userId && <Badge>{t('you')}</Badge>}
          </span>
        }
        back={{ href: '/admin/staff', label: t('back') }}
      />
      <StaffRoleForm member={member} stores={stores.map((s) => ({ id: s.id, name: s.name }))} />
      <StaffAccessForms member={member} />
    </div>
  );
}
