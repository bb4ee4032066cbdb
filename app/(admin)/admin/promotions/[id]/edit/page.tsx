import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { PromotionCampaignCodes } from '@/components/admin/promotion-campaign-codes';
import { PromotionForm } from '@/components/admin/promotion-form';
import { Badge } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { promotionToFormValues } from '@/lib/promotions/admin-form';
import { excludedSkus, getPromotionForAdmin } from '@/lib/promotions/admin-promotions';
import { listPromotionTargetOptions } from '@/lib/promotions/admin-queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.promotionForm'))('editTitle') };
}

const STATUS_TONE = { scheduled: 'warning', active: 'brand', ended: 'neutral' } as const;

export default async function EditPromotionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/promotions/${encodeURIComponent(raw)}/edit`);
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(id) || id <= 0) notFound();
  const [t, tList, locale] = await Promise.all([
    getTranslations('admin.promotionForm'),
    getTranslations('admin.promotions'),
    getLocale(),
  ]);
  const db = getDb();
  const [promotion, options] = await Promise.all([
    getPromotionForAdmin(db, id, { locale }),
    listPromotionTargetOptions(db, locale),
  ]);
  if (!promotion) notFound();
  const skus = await excludedSkus(db, promotion);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('editTitle')}
        description={
          <span className="inline-flex items-center gap-2">
            {promotion.name}{' '}
            <Badge tone={STATUS_TONE[promotion.status]}>{tList(`status.${promotion.status}`)}</Badge>
          </span>
        }
        back={{ href: '/admin/promotions', label: t('back') }}
      />
      <PromotionForm
        id={promotion.id}
        initial={promotionToFormValues(promotion, locale, skus)}
        initialSample={options.sample}
        options={options}
      />
      <PromotionCampaignCodes promotionId={promotion.id} generated={promotion.campaignCodesGenerated} used={promotion.campaignCodesUsed} />
    </div>
  );
}
