import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConsentForm } from '@/components/shop/consent-form';
import { readVisitor } from '@/lib/insight/visitor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('shop.footer');
  return { title: t('cookieSettings'), robots: { index: false } };
}

/** Cookie settings (footer link): the current choice and the same two buttons as the banner. */
export default async function CookieSettingsPage() {
  const [t, tFooter, visitor] = await Promise.all([getTranslations('shop.consent'), getTranslations('shop.footer'), readVisitor()]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-10">
      <h1 id="cookie-settings-title" className="text-2xl font-semibold text-stone-900">
        {tFooter('cookieSettings')}
      </h1>
      <p className="text-stone-700">{t('text')}</p>
      {visitor.decided ? (
        <p className="text-stone-700">{t('current', { choice: visitor.consent === 'all' ? t('choiceAll') : t('choiceEssential') })}</p>
      ) : null}
      <ConsentForm headingId="cookie-settings-title" />
    </div>
  );
}
