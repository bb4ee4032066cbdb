import { useTranslations } from 'next-intl';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';

/**
 * A price as computed by lib/pricing: the current price, and when a promotion lowers it the old
 * price struck through with a spoken "was" (a strike-through alone is invisible to screen readers).
 */
export function PriceTag({
  priceCents,
  regularCents,
  locale,
  from = false,
  size = 'md',
  className = '',
}: {
  priceCents: number;
  regularCents: number;
  locale: Locale;
  from?: boolean;
  size?: 'sm' | 'md' | 'lg';
  className?: string;
}) {
  const t = useTranslations('shop.price');
  const price = formatMoney(priceCents, locale);
  const discounted = priceCents < regularCents;
  const sizes = { sm: 'text-sm', md: 'text-base', lg: 'text-2xl' };
  return (
    <p className={`flex flex-wrap items-baseline gap-x-2 ${className}`}>
      <span className={`font-semibold ${sizes[size]} ${discounted ? 'text-accent-600' : 'text-stone-900'}`}>
        {from ? t('from', { price }) : price}
      </span>
      {discounted && (
        <>
          <s aria-hidden="true" className={`text-stone-500 ${size === 'lg' ? 'text-base' : 'text-sm'}`}>
            {formatMoney(regularCents, locale)}
          </s>
          <span className="sr-only">{t('was', { price: formatMoney(regularCents, locale) })}</span>
        </>
      )}
    </p>
  );
}
