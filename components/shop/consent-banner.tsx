import { getTranslations } from 'next-intl/server';
import { ConsentForm } from './consent-form';

/**
 * The analytics consent banner (S13), shown until the shopper chooses. In the page flow under the header,
 * never fixed over the page: it cannot cover the checkout button on a phone.
 */
export async function ConsentBanner() {
  const t = await getTranslations('shop.consent');
  return (
    <section aria-labelledby="consent-title" className="border-b border-stone-200 bg-stone-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-4">
        <h2 id="consent-title" className="text-base font-semibold text-stone-900">
          {t('title')}
        </h2>
        <p className="text-sm text-stone-700">{t('text')}</p>
        <ConsentForm headingId="consent-title" />
      </div>
    </section>
  );
}
