import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

export default async function HomePage() {
  const t = await getTranslations('shop.home');
  const promises = ['price', 'pickup', 'returns'] as const;
  return (
    <>
      <section className="bg-gradient-to-br from-brand-800 via-brand-700 to-brand-600 text-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:py-24">
          <h1 className="max-w-2xl text-4xl font-semibold tracking-tight sm:text-5xl">{t('heroTitle')}</h1>
          <p className="mt-4 max-w-xl text-lg text-brand-100">{t('heroBody')}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/products" size="lg" variant="secondary">
              {t('heroCta')}
            </ButtonLink>
            <ButtonLink href="/stores" size="lg" className="bg-white/10 ring-1 ring-white/40 hover:bg-white/20">
              {t('storesCta')}
            </ButtonLink>
          </div>
        </div>
      </section>
      <section className="mx-auto grid max-w-6xl gap-4 px-4 py-10 sm:grid-cols-3">
        {promises.map((key) => (
          <div key={key} className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
            <h2 className="font-semibold">{t(`promises.${key}`)}</h2>
            <p className="mt-1 text-sm text-stone-600">{t(`promises.${key}Body`)}</p>
          </div>
        ))}
      </section>
    </>
  );
}
