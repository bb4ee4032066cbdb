import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LoadCartForm } from '@/components/counter/load-cart-form';
import { StoreGate } from '@/components/counter/store-gate';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getCounterStore } from '@/lib/orders/counter-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.loadCart'))('title') };
}

/** "Load a cart": the customer's web cart, by its QR or short code, becomes this counter's sale. */
export default async function LoadCartPage() {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/load-cart');
  const store = await getCounterStore(getDb(), actor);
  if (!store) return <StoreGate actor={actor} />;
  const t = await getTranslations('counter.loadCart');
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <Link href="/counter" className="inline-flex min-h-12 items-center font-medium text-brand-700 hover:underline">
          ← {t('backToSale')}
        </Link>
      </div>
      <p className="text-stone-700">{t('intro')}</p>
      <LoadCartForm />
    </div>
  );
}
