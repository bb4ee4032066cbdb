import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';

/** One analytics section: heading, a line of context, the CSV download of its table(s), chart and table. */
export function AnalyticsSection({
  id,
  title,
  intro,
  downloads,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  /** Each table's CSV link; `label` is visible, `name` completes it for screen readers. */
  downloads: { href: string; label: string; name: string }[];
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="mb-10 rounded-xl border border-stone-200 bg-white p-5">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 max-w-3xl">
          <h2 id={`${id}-title`} className="text-lg font-semibold text-stone-900">
            {title}
          </h2>
          <p className="mt-1 text-sm text-stone-600">{intro}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {downloads.map((d) => (
            <a key={d.href} href={d.href} download className={buttonClass('secondary', 'md')}>
              {d.label}
              <span className="sr-only"> — {d.name}</span>
            </a>
          ))}
        </div>
      </div>
      <div className="space-y-5 overflow-x-auto">{children}</div>
    </section>
  );
}
