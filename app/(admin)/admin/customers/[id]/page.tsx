import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CustomerEditForm } from '@/components/admin/customer-edit-form';
import { CustomerGdpr } from '@/components/admin/customer-gdpr';
import { CustomerMerge } from '@/components/admin/customer-merge';
import { PageHeader } from '@/components/admin/page-header';
import { StatusBanner } from '@/components/admin/status-banner';
import { CustomerPoints, CustomerSummary } from '@/components/shared/customer-summary';
import { CustomerTimeline } from '@/components/shared/customer-timeline';
import { CustomerSegments } from '@/components/shared/customer-segments';
import { Card } from '@/components/ui/card';
import { LoyaltyAdjustForm } from '@/components/admin/loyalty-adjust-form';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { openCustomer } from '@/lib/customers/open';
import {
  getCustomerSummaries,
  listStoreOptions,
  searchCustomers,
  type CustomerSummaryDto,
} from '@/lib/customers/queries';
import { getDb } from '@/lib/db';
import { getCustomerSegments } from '@/lib/insight/segments';
import { DomainError } from '@/lib/errors';
import { getLocale } from '@/lib/i18n/locale';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations('customers.admin'))('detailTitle', { id: (await params).id }) };
}

type Search = { merged?: string; erased?: string; mergeQ?: string | string[]; mergeWith?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** One customer for the admin: the same timeline the counter shows, edit, merge, GDPR export and erase. */
export default async function AdminCustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  const { id } = await params;
  const actor = await requirePageRole(ADMIN_ROLES, `/admin/customers/${id}`);
  if (!/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const db = getDb();
  const opened = await openCustomer(db, actor, Number(id)); // logs the lookup
  if (opened.kind === 'missing') notFound();
  if (opened.kind === 'merged') redirect(`/admin/customers/${opened.customerId}`);
  const { profile, timeline } = opened;

  const [t, tErrors, locale, query, stores, segments] = await Promise.all([
    getTranslations('customers'),
    getTranslations('errors'),
    getLocale(),
    searchParams,
    listStoreOptions(db),
    getCustomerSegments(db, profile.id),
  ]);
  const mergeQ = (one(query.mergeQ) ?? '').trim().slice(0, 100);
  const mergeWith = Number(one(query.mergeWith));
  let candidates: CustomerSummaryDto[] | null = null;
  let mergeError: string | undefined;
  if (mergeQ && !profile.erasedAt) {
    try {
      candidates = (await searchCustomers(db, actor, mergeQ)).filter((c) => c.id !== profile.id);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'invalidPhoneNumber') throw e;
      mergeError = tErrors('invalidPhoneNumber', e.values);
    }
  }
  const [duplicate] =
    Number.isSafeInteger(mergeWith) && mergeWith > 0 && mergeWith !== profile.id
      ? await getCustomerSummaries(db, actor, [mergeWith])
      : [];
  const erased = !!profile.erasedAt;

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={profile.name}
        description={t('admin.detailTitle', { id: profile.id })}
        back={{ href: '/admin/customers', label: t('admin.back') }}
      />
      <StatusBanner
        message={
          query.erased
            ? t('admin.erased')
            : /^[0-9]{1,10}$/.test(query.merged ?? '')
              ? t('admin.merged', { id: query.merged! })
              : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <section aria-labelledby="timeline-title" className="min-w-0 space-y-3">
          <h2 id="timeline-title" className="text-lg font-semibold text-stone-900">
            {t('timeline.title')}
          </h2>
          <CustomerTimeline
            entries={timeline.entries}
            locale={locale}
            now={new Date()}
            links={{
              order: (orderId) => `/admin/orders/${orderId}`,
              thread: (threadId) => `/admin/messages/${threadId}`,
            }}
          />
        </section>
        <div className="space-y-6">
          <Card className="space-y-4">
            <CustomerSummary profile={profile} segment={timeline.segment} locale={locale} />
            <CustomerSegments segments={segments} />
            <CustomerPoints loyalty={timeline.loyalty} locale={locale} />
          </Card>
          {!erased && <CustomerEditForm profile={profile} stores={stores} />}
          {!erased && <LoyaltyAdjustForm customerId={profile.id} />}
          <Card className="space-y-2">
            <h2 className="text-base font-semibold text-stone-900">{t('admin.addresses')}</h2>
            {profile.addresses.length === 0 ? (
              <p className="text-sm text-stone-600">{t('admin.noAddresses')}</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {profile.addresses.map((a) => (
                  <li key={a.id} className="text-stone-800">
                    {a.label && <span className="font-medium">{a.label}: </span>}
                    {a.name}, {a.street}, {a.postcode} {a.city} ({a.country})
                    {a.isDefault && (
                      <span className="ml-2 rounded-full bg-stone-100 px-2 py-0.5 text-xs">
                        {t('admin.defaultAddress')}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {!erased && (
            <CustomerMerge
              keep={{ id: profile.id, name: profile.name }}
              query={mergeQ}
              candidates={candidates}
              error={mergeError}
              duplicate={duplicate ?? null}
            />
          )}
          <CustomerGdpr customerId={profile.id} erased={erased} />
        </div>
      </div>
    </div>
  );
}
