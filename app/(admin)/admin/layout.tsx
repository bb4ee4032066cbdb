import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { AdminNav } from '@/components/admin/admin-nav';
import { LiveRefresh } from '@/components/shop/live-refresh';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { Logo } from '@/components/ui/logo';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { countInboxBadge } from '@/lib/conversations/inbox-queries';
import { ALL_INBOXES_TOPIC } from '@/lib/conversations/live';
import { getDb } from '@/lib/db';

// The role check here shapes the UI; every admin action and page query checks the role again.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin');
  const t = await getTranslations('admin');
  const tInbox = await getTranslations('conversations.nav');
  // Unread conversations of all stores; pushed live when a message arrives.
  const unread = await countInboxBadge(getDb(), { kind: 'all' });
  return (
    <ClientMessages surface="admin">
      <div className="min-h-dvh bg-stone-50 lg:flex">
        <LiveRefresh topics={[ALL_INBOXES_TOPIC]} />
        <aside className="border-b border-stone-200 bg-white p-4 lg:min-h-dvh lg:w-56 lg:shrink-0 lg:border-r lg:border-b-0">
          <div className="mb-4 flex items-center justify-between gap-2">
            <Logo href="/admin" suffix={t('title')} />
          </div>
          <AdminNav
            label={t('nav.label')}
            items={[
              { href: '/admin', label: t('nav.dashboard') },
              { href: '/admin/orders', label: t('nav.orders') },
              { href: '/admin/returns', label: t('nav.returns') },
              { href: '/admin/customers', label: t('nav.customers') },
              { href: '/admin/products', label: t('nav.products') },
              { href: '/admin/stock', label: t('nav.stock') },
              { href: '/admin/transfers', label: t('nav.transfers') },
              { href: '/admin/promotions', label: t('nav.promotions') },
              { href: '/admin/experiments', label: t('nav.experiments') },
              { href: '/admin/reviews', label: t('nav.reviews') },
              { href: '/admin/analytics', label: t('nav.analytics') },
              { href: '/admin/messages', label: tInbox('messages'), badge: { count: unread, label: tInbox('unread', { count: unread }) } },
              { href: '/admin/outbox', label: t('nav.outbox') },
              { href: '/admin/staff', label: t('nav.staff') },
              { href: '/admin/audit', label: t('nav.audit') },
              { href: '/admin/settings', label: t('nav.settings') },
            ]}
          />
        </aside>
        <div className="min-w-0 flex-1">
          <header className="flex items-center justify-end gap-3 border-b border-stone-200 bg-white px-6 py-3 text-sm">
            <span className="text-stone-600">{actor.name}</span>
            <LanguageSwitcher />
            <SignOutButton />
          </header>
          <main id="main" className="p-6">
            {children}
          </main>
        </div>
      </div>
    </ClientMessages>
  );
}
