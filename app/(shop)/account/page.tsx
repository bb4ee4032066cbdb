import { getTranslations } from 'next-intl/server';
import { requirePageRole } from '@/lib/auth/session';

export default async function AccountPage() {
  const actor = await requirePageRole(['customer', 'clerk', 'admin'], '/account');
  const t = await getTranslations('common');
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">{t('nav.account')}</h1>
      <p className="mt-2 text-stone-600">{t('signedInAs', { name: actor.name })}</p>
    </div>
  );
}
