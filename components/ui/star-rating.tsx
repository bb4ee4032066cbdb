import type { Locale } from '@/lib/i18n/config';

/** An average like 4.5 the way the locale writes it ("4,5" in Dutch), one decimal at most. */
export function formatAverage(average: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(average);
}

/**
 * Five stars, filled to the (rounded) rating. The stars are decoration: the text that says it all
 * ("4.5 out of 5, 12 reviews") is the accessible name, so a screen reader reads words, not symbols.
 */
export function StarRating({ rating, label, className = 'text-lg' }: { rating: number; label: string; className?: string }) {
  const filled = Math.round(rating);
  return (
    <span role="img" aria-label={label} className={`inline-flex leading-none tracking-tight ${className}`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} aria-hidden="true" className={n <= filled ? 'text-amber-500' : 'text-stone-300'}>
          ★
        </span>
      ))}
    </span>
  );
}
