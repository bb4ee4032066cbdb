import { useTranslations } from 'next-intl';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';

/**
 * A price from lib/pricing: the price charged, and when a promotion lowers it the old price struck
 * through with a spoken "was" (a strike-through alone is silent for screen readers).
 */
export function CounterPrice({
  priceCents,
  regularCents,
  locale,
  className = '',
  size = 'md',
}: {
  priceCents: number;
  regularCents: number;
  locale: Locale;
  className?: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const t = useTranslations('counter.price');
  const discounted = priceCents < regularCents;
  const text = { sm: 'text-sm', md: 'text-base', lg: 'text-lg' }[size];
  return (
    <span className={`inline-flex flex-wrap items-baseline gap-x-2 ${className}`}>
      <span
        className={`${text} font-semibold tabular-nums ${discounted ? 'text-accent-600' : 'text-stone-900'}`}
      >
        {formatMoney(priceCents, locale)}
      </span>
      {discounted && (
        <>
          <s aria-hidden="true" className="text-sm text-stone-500 tabular-nums">
            {formatMoney(regularCents, locale)}
          </s>
          <span className="sr-only">{t('was', { price: formatMoney(regularCents, locale) })}</span>
        </>
      )}
    </span>
  );
}
