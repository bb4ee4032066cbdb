'use client';

import { buttonClass } from '@/components/ui/button';

/** Prints the page; the print stylesheet (print: variants) leaves only the receipt. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass('secondary', 'xl', 'flex-1')}>
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6">
        <path
          d="M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      {label}
    </button>
  );
}
