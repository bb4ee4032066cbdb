import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations('common.notFound');
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-5xl font-semibold text-stone-300">404</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-stone-600">{t('body')}</p>
      <ButtonLink href="/" variant="secondary">
        {t('home')}
      </ButtonLink>
    </main>
  );
}
