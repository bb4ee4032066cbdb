import type { ReactNode } from 'react';

/** One block of the account page: a titled card. Every account-*.tsx section uses it. */
export function AccountSection({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {hint && <p className="mt-1 text-sm text-stone-600">{hint}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}
