import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CustomerSaleControls } from '@/components/counter/customer-sale-controls';
import { CustomerPoints, CustomerSummary } from '@/components/shared/customer-summary';
import { CustomerTimeline } from '@/components/shared/customer-timeline';
import { CustomerSegments } from '@/components/shared/customer-segments';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { findCounterCartId, getCart } from '@/lib/carts/queries';
import { openCustomer } from '@/lib/customers/open';
import { getDb } from '@/lib/db';
import { getCustomerSegments } from '@/lib/insight/segments';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('customers.counter'))('panel') };
}

/** The clerk's customer panel: who they are, their points, ONE timeline of every channel, attach to the sale. */
export default async function CounterCustomerPanelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/customers/${id}`);
  if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const db = getDb();
  const opened = await openCustomer(db, actor, Number(id)); // logs the lookup
  if (opened.kind === 'missing') notFound();
  if (opened.kind === 'merged') redirect(`/counter/customers/${opened.customerId}`);
  const { profile, timeline } = opened;

  const [t, locale, store, segments] = await Promise.all([
    getTranslations('customers.counter'),
    getLocale(),
    getCounterStore(db, actor),
    getCustomerSegments(db, profile.id),
  ]);
  const cartId = store ? await findCounterCartId(db, actor.userId) : null;
  const cart = cartId ? await getCart(db, cartId) : null;

  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <Link
        href="/counter/customers"
        className="inline-flex min-h-12 items-center gap-1 font-medium text-brand-700 hover:underline"
      >
        <span aria-hidden="true">←</span> {t('back')}
      </Link>
      <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)] lg:items-start">
        <section
          aria-labelledby="customer-name"
          className="space-y-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
        >
          <h1 id="customer-name" className="text-2xl font-semibold text-stone-900">
            {profile.name}
          </h1>
          <CustomerSummary profile={profile} segment={timeline.segment} locale={locale} />
          <CustomerSegments segments={segments} />
          <CustomerPoints loyalty={timeline.loyalty} locale={locale} />
          {store && !profile.erasedAt ? (
            <CustomerSaleControls customerId={profile.id} attached={cart?.customerId === profile.id} />
          ) : (
            !profile.erasedAt && <p className="text-sm text-stone-600">{t('noStore')}</p>
          )}
        </section>
        <section aria-labelledby="timeline-title" className="min-w-0 space-y-3">
          <h2 id="timeline-title" className="text-lg font-semibold text-stone-800">
            {(await getTranslations('customers.timeline'))('title')}
          </h2>
          <CustomerTimeline entries={timeline.entries} locale={locale} now={new Date()} />
        </section>
      </div>
    </div>
  );
}
