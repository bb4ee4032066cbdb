import { getTranslations } from 'next-intl/server';
import { SatisfactionForm } from '@/components/shop/satisfaction-form';
import { getDb } from '@/lib/db';
import { getOrderRating, SURVEY_STATUSES } from '@/lib/insight/satisfaction';
import { createSurveyToken } from '@/lib/insight/satisfaction-token';
import type { OrderDetailDto } from '@/lib/orders/queries';

/** "Your opinion" (S12) on a completed order: the survey inline, or the score given. Nothing before completion. */
export async function OrderSatisfaction({ order }: { order: Pick<OrderDetailDto, 'id' | 'status'> }) {
  if (!SURVEY_STATUSES.has(order.status)) return null;
  // The page has already checked that this viewer may see the order, so it may hold its survey token.
  const [t, rating] = await Promise.all([getTranslations('satisfaction'), getOrderRating(getDb(), order.id)]);
  return (
    <section aria-labelledby="satisfaction-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="satisfaction-title" className="text-lg font-semibold">
        {t('order.title')}
      </h2>
      {rating ? (
        <p role="status" className="mt-2 text-brand-900">
          {t('rated', { score: rating.score })}
        </p>
      ) : (
        <>
          <p className="mt-1 mb-4 text-sm text-stone-600">{t('order.intro')}</p>
          <SatisfactionForm token={createSurveyToken(order.id)} idPrefix="order-survey" />
        </>
      )}
    </section>
  );
}
