import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** Previous / next links that keep the other search parameters; a disabled end is plain text. */
export function Pagination({
  page,
  pages,
  hrefFor,
  labels,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; page: string; previous: string; next: string };
}) {
  if (pages <= 1) return null;
  const disabled = 'pointer-events-none opacity-40';
  return (
    <nav aria-label={labels.nav} className="mt-4 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={buttonClass('secondary')}>
          <span aria-hidden="true">←</span> {labels.previous}
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClass('secondary', 'md', disabled)}>
          <span aria-hidden="true">←</span> {labels.previous}
        </span>
      )}
      <span className="text-stone-600" aria-current="page">
        {labels.page}
      </span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} rel="next" className={buttonClass('secondary')}>
          {labels.next} <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span aria-disabled="true" className={buttonClass('secondary', 'md', disabled)}>
          {labels.next} <span aria-hidden="true">→</span>
        </span>
      )}
    </nav>
  );
}
