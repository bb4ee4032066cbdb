import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

export default async function Forbidden() {
  const t = await getTranslations('common');
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-5xl font-semibold text-stone-300">403</p>
      <h1 className="text-2xl font-semibold">{t('forbidden.title')}</h1>
      <p className="text-stone-600">{t('forbidden.body')}</p>
      <ButtonLink href="/" variant="secondary">
        {t('notFound.home')}
      </ButtonLink>
    </main>
  );
}
