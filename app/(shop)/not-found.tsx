import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

// Inside the shop layout (header and footer stay); the root not-found has its own <main>.
export default async function ShopNotFound() {
  const t = await getTranslations('common.notFound');
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-20 text-center">
      <p className="text-5xl font-semibold text-stone-300">404</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-stone-600">{t('body')}</p>
      <ButtonLink href="/products" variant="secondary">
        {t('home')}
      </ButtonLink>
    </div>
  );
}
