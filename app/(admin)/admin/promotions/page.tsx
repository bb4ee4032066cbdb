import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { PromotionsTable } from '@/components/admin/promotions-table';
import { StatusBanner } from '@/components/admin/status-banner';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listPromotionsForAdmin } from '@/lib/promotions/admin-promotions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.promotions'))('title') };
}

export default async function PromotionsPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string; ended?: string }>;
}) {
  await requirePageRole(ADMIN_ROLES, '/admin/promotions');
  const [t, locale, params] = await Promise.all([
    getTranslations('admin.promotions'),
    getLocale(),
    searchParams,
  ]);
  const promotions = await listPromotionsForAdmin(getDb(), { locale });

  // After a save or an end the action redirects here with the id; the message names the promotion.
  const byId = (id: string | undefined) => (id ? promotions.find((p) => String(p.id) === id) : undefined);
  const saved = byId(params.saved);
  const ended = byId(params.ended);
  const message = ended ? t('ended', { name: ended.name }) : saved ? t('saved', { name: saved.name }) : null;

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          promotions.length > 0 && (
            <ButtonLink href="/admin/promotions/new">
              <span aria-hidden="true">+</span> {t('new')}
            </ButtonLink>
          )
        }
      />
      <StatusBanner message={message} />
      {promotions.length === 0 ? (
        <Card className="flex flex-col items-center px-6 py-14 text-center">
          <svg
            viewBox="0 0 48 48"
            className="mb-4 size-12 text-brand-600"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.5"
          >
            <path d="M6 24 24 6h16a2 2 0 0 1 2 2v16L24 42 6 24Z" strokeLinejoin="round" />
            <circle cx="33" cy="15" r="3" />
          </svg>
          <h2 className="text-lg font-semibold text-stone-900">{t('emptyTitle')}</h2>
          <p className="mt-1 max-w-md text-stone-600">{t('emptyBody')}</p>
          <ButtonLink href="/admin/promotions/new" className="mt-6">
            <span aria-hidden="true">+</span> {t('new')}
          </ButtonLink>
        </Card>
      ) : (
        <>
          <PromotionsTable promotions={promotions} locale={locale} />
          <p className="mt-3 text-sm text-stone-500">
            {t('count', { count: promotions.length })} · {t('window.timeZone')}
          </p>
        </>
      )}
    </div>
  );
}
