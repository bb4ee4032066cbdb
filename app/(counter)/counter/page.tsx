import { getTranslations } from 'next-intl/server';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';

export default async function CounterHomePage() {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter');
  const t = await getTranslations('counter.home');
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold">{t('welcome', { name: actor.name })}</h1>
    </div>
  );
}
