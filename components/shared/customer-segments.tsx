import { useTranslations } from 'next-intl';
import type { CustomerSegment } from '@/lib/pricing';

/** The customer's segments (S14: lib/insight/segments, recomputed on each purchase), as labelled badges. */
export function CustomerSegments({ segments }: { segments: readonly CustomerSegment[] }) {
  const t = useTranslations('customers.segments');
  return (
    <div>
      <h3 id="customer-segments-title" className="text-sm font-semibold text-stone-600">
        {t('title')}
      </h3>
      {segments.length === 0 ? (
        <p className="mt-1 text-sm text-stone-600">{t('none')}</p>
      ) : (
        <ul aria-labelledby="customer-segments-title" className="mt-1 flex flex-wrap gap-1.5">
          {segments.map((s) => (
            <li key={s} className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-800 ring-1 ring-brand-200">
              {t(s)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
