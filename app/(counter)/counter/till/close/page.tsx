import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { StoreGate } from '@/components/counter/store-gate';
import { TillCashSummary } from '@/components/counter/till-cash-summary';
import { TillCloseForm } from '@/components/counter/till-close-form';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';
import { getDeviceTill } from '@/lib/till/device';
import { getTillSessionDetail } from '@/lib/till/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.till'))('close') };
}

/** Counting the drawer per denomination and closing this tablet's till. */
export default async function TillClosePage() {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/till/close');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const device = await getDeviceTill(db, actor.userId);
  const detail = device ? await getTillSessionDetail(db, device.id, store.id) : null;
  if (!detail) redirect('/counter/till');
  const [t, locale] = await Promise.all([getTranslations('counter.till'), getLocale()]);
  return (
    <div className="mx-auto grid max-w-5xl gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <ButtonLink href="/counter/till" variant="secondary" size="lg">
            <span aria-hidden="true">←</span> {t('cancel')}
          </ButtonLink>
          <h1 className="text-2xl font-semibold">{t('closeTitle', { till: detail.session.tillName })}</h1>
        </div>
        <p className="text-stone-600">{t('closeIntro')}</p>
        <TillCloseForm expectedCents={detail.expected.expectedCents} locale={locale} />
      </div>
      <Card className="space-y-3">
        <h2 className="text-lg font-semibold">{t('cashTitle')}</h2>
        <TillCashSummary expected={detail.expected} locale={locale} />
      </Card>
    </div>
  );
}
