import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CampaignCodesForm } from './campaign-codes-form';

/** The campaign codes of one promotion: how many there are and are used, the CSV, and making more. */
export async function PromotionCampaignCodes({ promotionId, generated, used }: { promotionId: number; generated: number; used: number }) {
  const t = await getTranslations('admin.promotions.campaignCodes');
  return (
    <section aria-labelledby="campaign-codes-title" className="mt-8">
      <Card className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="max-w-2xl">
            <h2 id="campaign-codes-title" className="text-lg font-semibold text-stone-900">
              {t('title')}
            </h2>
            <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
            <p className="mt-2 text-sm font-medium text-stone-800 tabular-nums">{t('summary', { generated, used })}</p>
          </div>
          {generated > 0 && (
            // A plain link: a file download, not a page to prefetch.
            <a href={`/api/admin/promotions/${promotionId}/codes`} download className={buttonClass('secondary', 'md', 'whitespace-nowrap')}>
              {t('download')}
            </a>
          )}
        </div>
        <CampaignCodesForm promotionId={promotionId} />
      </Card>
    </section>
  );
}
