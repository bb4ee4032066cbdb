import Link from 'next/link';

export function Logo({ href = '/', suffix }: { href?: string; suffix?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 rounded-md font-semibold tracking-tight text-stone-900">
      <svg viewBox="0 0 32 32" className="size-8" aria-hidden="true">
        <rect width="32" height="32" rx="9" className="fill-brand-600" />
        <circle cx="16" cy="16" r="8" fill="none" stroke="white" strokeWidth="3" />
        <circle cx="16" cy="16" r="2.5" className="fill-accent-500" />
      </svg>
      <span className="text-lg">Omnishop</span>
      {suffix && <span className="rounded-md bg-stone-900 px-1.5 py-0.5 text-xs font-medium text-white">{suffix}</span>}
    </Link>
  );
}
