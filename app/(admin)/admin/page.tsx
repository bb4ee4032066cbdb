import { getTranslations } from 'next-intl/server';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';

export default async function AdminDashboardPage() {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin');
  const t = await getTranslations('admin.dashboard');
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-1 text-stone-600">{t('welcome', { name: actor.name })}</p>
    </div>
  );
}
