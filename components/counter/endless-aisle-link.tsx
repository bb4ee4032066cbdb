import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** From a search result with too little stock here: sell it from another location (endless aisle). */
export function EndlessAisleLink({ variantId, item }: { variantId: number; item: string }) {
  const t = useTranslations('counter.endlessAisle');
  return (
    <Link
      href={`/counter/endless-aisle?variant=${variantId}`}
      aria-label={t('linkLabel', { item })}
      className="inline-flex min-h-12 items-center rounded-lg bg-amber-50 px-3 text-sm font-semibold text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100"
    >
      {t('link')}
    </Link>
  );
}
