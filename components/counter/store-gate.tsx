import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import type { Actor } from '@/lib/identity/queries';
import { listStores } from '@/lib/locations/queries';
import { StorePicker } from './store-picker';

/** What a counter page shows instead of itself when there is no store to work in. */
export async function StoreGate({ actor }: { actor: Actor }) {
  if (actor.role === 'admin') {
    const stores = await listStores(getDb());
    return <StorePicker stores={stores.map(({ id, name, city }) => ({ id, name, city }))} />;
  }
  const t = await getTranslations('counter.store');
  return (
    <div className="mx-auto max-w-lg rounded-2xl bg-white p-6 text-center shadow-sm ring-1 ring-stone-200">
      <h1 className="text-xl font-semibold">{t('noneTitle')}</h1>
      <p className="mt-2 text-stone-600">{t('none')}</p>
    </div>
  );
}
