import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button';

/** On the sale screen: the way in for a customer who brings their web cart (QR or code). */
export function LoadCartLink() {
  const t = useTranslations('counter.loadCart');
  return (
    <ButtonLink href="/counter/load-cart" variant="secondary" size="lg">
      {t('open')}
    </ButtonLink>
  );
}
