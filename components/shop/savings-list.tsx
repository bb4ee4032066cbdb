import { useTranslations } from 'next-intl';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import { localizedText, type SavingView } from '@/lib/promotions/explain';

/**
 * What was saved and why, one row per promotion or staff discount: "3 for 2 on socks −€12.95". The
 * amounts are priceCart's (or the order snapshot's); nothing is computed here. Used by the web cart,
 * checkout, the counter cart and the receipt, so every surface explains a saving in the same words.
 */
export function SavingsList({
  savings,
  locale,
  label,
  size = 'sm',
  className = '',
}: {
  savings: readonly SavingView[];
  locale: Locale;
  /** Accessible name of the list, e.g. "Savings on Ankle Socks". */
  label: string;
  size?: 'xs' | 'sm' | 'base';
  className?: string;
}) {
  const t = useTranslations('shop.savings');
  const shown = savings.filter((s) => s.amountCents > 0);
  if (shown.length === 0) return null;
  const text = size === 'xs' ? 'text-xs' : size === 'sm' ? 'text-sm' : 'text-base';
  return (
    <ul aria-label={label} className={`space-y-0.5 ${text} ${className}`}>
      {shown.map((s, i) => {
        const title =
          localizedText(s.title, locale) || (s.source === 'staff' ? t('staff') : t('promotion'));
        return (
          <li key={`${s.source}-${s.scope}-${i}`} className="flex justify-between gap-3 text-accent-600">
            <span className="min-w-0">
              {title}
              {s.code && <span className="ml-1 font-mono text-[0.9em] text-stone-500">({s.code})</span>}
              {s.scope === 'shipping' && <span className="text-stone-500"> · {t('onDelivery')}</span>}
              {s.source === 'staff' && s.reason && (
                <span className="block text-stone-500">{t('reason', { reason: s.reason })}</span>
              )}
            </span>
            <span className="shrink-0 tabular-nums">−{formatMoney(s.amountCents, locale)}</span>
          </li>
        );
      })}
    </ul>
  );
}
