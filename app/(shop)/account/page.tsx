import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AccountAddresses } from '@/components/shop/account-addresses';
import { AccountPreferencesForm } from '@/components/shop/account-preferences-form';
import { AccountProfileForm } from '@/components/shop/account-profile-form';
import { AccountSection } from '@/components/shop/account-section';
import { AccountEmailForm, AccountPasswordForm } from '@/components/shop/account-sign-in-forms';
import { ConversationPanel } from '@/components/shop/conversation-panel';
import { LoyaltyCard } from '@/components/shop/loyalty-card';
import { OrderStatusBadge } from '@/components/shop/order-status-badge';
import { VerifyEmailHint } from '@/components/shop/verify-email-hint';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { requirePageRole } from '@/lib/auth/session';
import { getShopperThread } from '@/lib/conversations/queries';
import { getDb } from '@/lib/db';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getAccountSettings } from '@/lib/identity/account-queries';
import { listAddresses } from '@/lib/identity/addresses';
import { getCustomerProfile } from '@/lib/identity/profile-queries';
import { isEmailVerified } from '@/lib/identity/queries';
import { listStores } from '@/lib/locations/queries';
import { listOrdersForCustomer } from '@/lib/orders/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.account'))('title') };
}

export default async function AccountPage() {
  const actor = await requirePageRole(['customer', 'clerk', 'admin'], '/account');
  const [t, tEdit, locale] = await Promise.all([getTranslations('shop.account'), getTranslations('shop.accountEdit'), getLocale()]);
  const db = getDb();
  // Only the signed-in customer's own profile and orders (both channels); staff have none.
  const [profile, orders, thread] = actor.customerId
    ? await Promise.all([
        getCustomerProfile(db, actor.customerId),
        listOrdersForCustomer(db, actor.customerId),
        getShopperThread(db, { actor, guestOrderIds: [] }),
      ])
    : [null, [], null];

  // The editable parts: only a shopper's own account and profile (staff accounts are the admin's).
  const [settings, addresses, stores] =
    actor.role === 'customer' && actor.customerId
      ? await Promise.all([
          getAccountSettings(db, { userId: actor.userId, customerId: actor.customerId }),
          listAddresses(db, actor.customerId),
          listStores(db),
        ])
      : [null, [], []];

  // Shoppers only: staff accounts are made by an admin and need no proof of their address here.
  const unverified = actor.role === 'customer' && !(await isEmailVerified(db, actor.userId));

  const rows: [string, string | null][] = [
    [t('email'), profile?.email ?? actor.email],
    [t('phone'), profile?.phone ?? null],
    [t('loyaltyCard'), profile?.loyaltyCardNumber ?? null],
    [t('preferredStore'), profile?.preferredStore ?? null],
  ];

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:py-10">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
        {/* The header has it on wider screens; one visible "Sign out" at a time. */}
        <div className="sm:hidden">
          <SignOutButton className="ring-1 ring-stone-300" />
        </div>
      </div>

      {unverified && <VerifyEmailHint email={actor.email} />}

      <section aria-labelledby="profile-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="profile-title" className="text-lg font-semibold">
          {profile?.name ?? actor.name}
        </h2>
        <dl className="mt-3 grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className="text-stone-500">{label}</dt>
              <dd className="font-medium break-words">{value || t('notSet')}</dd>
            </div>
          ))}
        </dl>
      </section>

      {settings && (
        <>
          <AccountSection id="details" title={tEdit('detailsTitle')}>
            <AccountProfileForm name={settings.name} phone={settings.phone} />
          </AccountSection>
          <AccountSection id="preferences" title={tEdit('preferencesTitle')} hint={tEdit('preferencesHint')}>
            <AccountPreferencesForm
              stores={stores.map(({ id, name }) => ({ id, name }))}
              values={{
                notifyByEmail: settings.notifyByEmail,
                notifyBySms: settings.notifyBySms,
                marketingOptIn: settings.marketingOptIn,
                preferredLocationId: settings.preferredLocationId,
                locale: settings.locale ?? (locale === 'en' ? 'en' : 'nl'),
                hasPhone: !!settings.phone,
              }}
            />
          </AccountSection>
          <AccountSection id="addresses" title={tEdit('addressesTitle')} hint={tEdit('addressesHint')}>
            <AccountAddresses addresses={addresses} />
          </AccountSection>
          <AccountSection id="sign-in" title={tEdit('signInTitle')}>
            <div className="space-y-8">
              <AccountEmailForm email={settings.email} />
              <AccountPasswordForm />
            </div>
          </AccountSection>
        </>
      )}

      <LoyaltyCard actor={actor} />

      {actor.customerId && <ConversationPanel thread={thread} locale={locale} />}

      <section aria-labelledby="orders-title" className="rounded-2xl bg-white ring-1 ring-stone-200">
        <div className="p-5 pb-3">
          <h2 id="orders-title" className="text-lg font-semibold">
            {t('orders')}
          </h2>
          <p className="text-sm text-stone-600">{actor.customerId ? t('ordersHint') : t('staffNote')}</p>
        </div>
        {orders.length === 0 ? (
          actor.customerId && <p className="px-5 pb-6 text-stone-600">{t('noOrders')}</p>
        ) : (
          <>
            {/* Phone: one card per order; wider screens: a table. */}
            <ul className="divide-y divide-stone-100 border-t border-stone-100 sm:hidden">
              {orders.map((order) => (
                <li key={order.id}>
                  <Link
                    href={`/orders/${order.id}`}
                    className="flex items-center justify-between gap-3 px-5 py-3 hover:bg-stone-50"
                  >
                    <span>
                      <span className="block font-medium text-brand-700">{order.number}</span>
                      <span className="block text-sm text-stone-600">
                        {formatDate(order.placedAt, locale)} · {t(`channels.${order.channel}`)}
                      </span>
                    </span>
                    <span className="flex flex-col items-end gap-1">
                      <span className="font-medium">{formatMoney(order.totalCents, locale)}</span>
                      <OrderStatusBadge status={order.status} />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
            <table className="hidden w-full text-left text-sm sm:table">
              <thead className="border-y border-stone-100 bg-stone-50 text-stone-600">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('number')}
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('date')}
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('channel')}
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    {t('status')}
                  </th>
                  <th scope="col" className="px-5 py-2 text-right font-medium">
                    {t('total')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {orders.map((order) => (
                  <tr key={order.id} className="hover:bg-stone-50">
                    <td className="px-5 py-3">
                      <Link
                        href={`/orders/${order.id}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {order.number}
                      </Link>
                    </td>
                    <td className="px-5 py-3">{formatDate(order.placedAt, locale)}</td>
                    <td className="px-5 py-3">{t(`channels.${order.channel}`)}</td>
                    <td className="px-5 py-3">
                      <OrderStatusBadge status={order.status} />
                    </td>
                    <td className="px-5 py-3 text-right font-medium">
                      {formatMoney(order.totalCents, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
