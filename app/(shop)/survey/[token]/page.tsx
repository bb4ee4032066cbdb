import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SatisfactionForm } from '@/components/shop/satisfaction-form';
import { ButtonLink } from '@/components/ui/button';
import { getDb } from '@/lib/db';
import { getSurveyState } from '@/lib/insight/satisfaction';

export async function generateMetadata(): Promise<Metadata> {
  // A link for one person: never indexed, and the token is not sent on to other sites.
  return { title: (await getTranslations('satisfaction.survey'))('metaTitle'), robots: { index: false }, referrer: 'no-referrer' };
}

/** The survey of one order (S12), opened from the email's link, the receipt's QR or the order page. */
export default async function SurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tRoot, state] = await Promise.all([getTranslations('satisfaction.survey'), getTranslations('satisfaction'), getSurveyState(getDb(), decodeURIComponent(token))]);
  return (
    <div className="mx-auto max-w-2xl space-y-6 px-4 py-8 sm:py-12">
      <h1 className="text-3xl font-semibold tracking-tight">
        {state.kind === 'invalid' ? t('invalidTitle') : state.kind === 'notCompleted' ? t('notCompletedTitle') : t('title')}
      </h1>
      {state.kind === 'invalid' ? (
        <p role="alert" className="rounded-2xl bg-red-50 p-5 text-red-900 ring-1 ring-red-200">
          {t('invalid')}
        </p>
      ) : state.kind === 'notCompleted' ? (
        <p role="status" className="rounded-2xl bg-amber-50 p-5 text-amber-900 ring-1 ring-amber-200">
          {t('notCompleted', { number: state.order.number })}
        </p>
      ) : state.kind === 'answered' ? (
        <div role="status" className="rounded-2xl bg-brand-50 p-5 text-brand-900 ring-1 ring-brand-200">
          <p className="text-lg font-semibold">{tRoot('rated', { score: state.score })}</p>
        </div>
      ) : (
        <section className="rounded-2xl bg-white p-5 ring-1 ring-stone-200 sm:p-6">
          <p className="mb-4 text-stone-600">{t('intro', { number: state.order.number })}</p>
          <SatisfactionForm token={decodeURIComponent(token)} />
        </section>
      )}
      <ButtonLink href="/products" variant="secondary" size="lg">
        {t('continueShopping')}
      </ButtonLink>
    </div>
  );
}
