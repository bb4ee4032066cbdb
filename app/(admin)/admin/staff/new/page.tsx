import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { StaffCreateForm } from '@/components/admin/staff-create-form';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { TOKEN_TTL_MS } from '@/lib/identity/tokens';
import { listStores } from '@/lib/locations/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.staff'))('newTitle') };
}

export default async function NewStaffPage() {
  await requirePageRole(ADMIN_ROLES, '/admin/staff/new');
  const t = await getTranslations('admin.staff');
  const stores = await listStores(getDb());
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('newTitle')}
        description={t('newIntro', { minutes: TOKEN_TTL_MS.password_reset / 60_000 })}
        back={{ href: '/admin/staff', label: t('back') }}
      />
      <StaffCreateForm stores={stores.map((s) => ({ id: s.id, name: s.name }))} />
    </div>
  );
}
