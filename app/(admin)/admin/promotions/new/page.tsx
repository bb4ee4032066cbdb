import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { PromotionForm } from '@/components/admin/promotion-form';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { EMPTY_PROMOTION_FORM } from '@/lib/promotions/admin-form';
import { listPromotionTargetOptions } from '@/lib/promotions/admin-queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.promotionForm'))('newTitle') };
}

export default async function NewPromotionPage() {
  await requirePageRole(ADMIN_ROLES, '/admin/promotions/new');
  const [t, locale] = await Promise.all([getTranslations('admin.promotionForm'), getLocale()]);
  const options = await listPromotionTargetOptions(getDb(), locale);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t('newTitle')} back={{ href: '/admin/promotions', label: t('back') }} />
      <PromotionForm initial={EMPTY_PROMOTION_FORM} initialSample={options.sample} options={options} />
    </div>
  );
}
