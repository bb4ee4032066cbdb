import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import type { Actor } from '@/lib/identity/queries';
import { getDeviceTill } from '@/lib/till/device';

/**
 * A gentle reminder on the sale and payment screens when this tablet has no open till: selling still
 * works (by card, or cash that no till counts), but cash belongs in a counted drawer.
 */
export async function TillBanner({ actor }: { actor: Actor }) {
  const till = await getDeviceTill(getDb(), actor.userId);
  const t = await getTranslations('counter.till');
  if (till) {
    return (
      <p className="text-sm text-stone-600">
        <Link href="/counter/till" className="inline-flex min-h-11 items-center font-medium text-brand-800 hover:underline">
          {t('tillOpenBanner', { till: till.tillName })}
        </Link>
      </p>
    );
  }
  return (
    <div role="note" className="flex flex-wrap items-center justify-between gap-3 rounded-xl bg-amber-50 px-4 py-2 text-amber-950 ring-1 ring-amber-200">
      <p className="font-medium">{t('noTillBanner')}</p>
      <Link href="/counter/till" className="inline-flex min-h-11 items-center font-semibold text-amber-950 underline">
        {t('noTillLink')}
      </Link>
    </div>
  );
}
