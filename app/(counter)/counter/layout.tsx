import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ChangeStoreButton } from '@/components/counter/change-store-button';
import { CounterNav } from '@/components/counter/counter-nav';
import { LiveRefresh } from '@/components/shop/live-refresh';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { getDb } from '@/lib/db';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { countInboxBadge } from '@/lib/conversations/inbox-queries';
import { inboxTopic } from '@/lib/conversations/live';
import { getCounterStore } from '@/lib/orders/counter-session';

// The role check here shapes the UI; every counter page and action checks the role and the store again.
export default async function CounterLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter');
  const t = await getTranslations('counter');
  const store = await getCounterStore(getDb(), actor);
  const tInbox = await getTranslations('conversations.nav');
  // Unread conversations of this store and the unassigned ones; pushed live when a message arrives.
  const unread = store ? await countInboxBadge(getDb(), { kind: 'store', storeId: store.id }) : 0;
  return (
    <ClientMessages surface="counter">
      <div className="flex min-h-dvh flex-col bg-stone-100 print:bg-white">
        {store && <LiveRefresh topics={[inboxTopic(store.id), inboxTopic(null)]} />}
        <header className="bg-stone-900 text-white print:hidden">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
            <div className="flex items-center gap-3">
              <span className="hidden text-lg font-semibold lg:inline">Omnishop</span>
              <span className="rounded-md bg-brand-600 px-2 py-1 text-sm font-medium">
                {store ? store.name : t('title')}
              </span>
              {actor.role === 'admin' && store && <ChangeStoreButton />}
            </div>
            <CounterNav
              label={t('nav.label')}
              items={[
                { href: '/counter', label: t('nav.sale'), also: ['/counter/checkout', '/counter/receipts', '/counter/load-cart', '/counter/endless-aisle'] },
                { href: '/counter/customers', label: t('nav.customers') },
                { href: '/counter/orders', label: t('nav.orders') },
                { href: '/counter/returns', label: t('nav.returns') },
                { href: '/counter/pickups', label: t('nav.pickups') },
                { href: '/counter/transfers', label: t('nav.transfers') },
                { href: '/counter/till', label: t('nav.till') },
                { href: '/counter/inbox', label: tInbox('inbox'), badge: { count: unread, label: tInbox('unread', { count: unread }) } },
              ]}
            />
            <div className="ml-auto flex items-center gap-2 text-sm">
              <span className="hidden text-stone-300 lg:inline">{actor.name}</span>
              <LanguageSwitcher className="bg-white text-stone-900 [&_button]:min-h-12 [&_button]:min-w-12" />
              <SignOutButton className="min-h-12 text-white hover:bg-white/10" />
            </div>
          </div>
        </header>
        <main id="main" className="flex-1 p-4 print:p-0">
          {children}
        </main>
      </div>
    </ClientMessages>
  );
}
