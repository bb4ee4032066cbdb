import { useTranslations } from 'next-intl';
import type { CustomerSegment } from '@/lib/pricing';

// Which channels the customer uses is the summary's own badge (customer-summary.tsx), shown once.
const CHANNEL_SEGMENTS: ReadonlySet<CustomerSegment> = new Set(['web_only', 'store_only', 'omnichannel']);

/**
 * The customer's other segments (S14: lib/insight/segments, recomputed on each purchase), as labelled
 * badges; beside the summary, which already says web only / store only / omnichannel.
 */
export function CustomerSegments({ segments: all }: { segments: readonly CustomerSegment[] }) {
  const t = useTranslations('customers.segments');
  const segments = all.filter((s) => !CHANNEL_SEGMENTS.has(s));
  if (all.length > 0 && segments.length === 0) return null;
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
