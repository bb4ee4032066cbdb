'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/**
 * Large, touch-friendly tabs for the counter; the current one is marked for assistive technology. A tab
 * is current on its own page, below it, and on the pages listed in `also` (the sale's payment step).
 */
export function CounterNav({
  items,
  label,
}: {
  items: { href: string; label: string; also?: string[]; badge?: { count: number; label: string } }[];
  label: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1">
      {items.map((item) => {
        const current =
          pathname === item.href ||
          (item.href !== '/counter' && pathname.startsWith(`${item.href}/`)) ||
          (item.also ?? []).some((prefix) => pathname.startsWith(prefix));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className="inline-flex min-h-12 items-center rounded-lg px-4 text-base font-medium text-stone-300 hover:bg-white/10 hover:text-white aria-[current=page]:bg-white aria-[current=page]:text-stone-900"
          >
            {item.label}
            {item.badge && item.badge.count > 0 && (
              <span className="ml-2 rounded-full bg-orange-600 px-2 py-0.5 text-sm font-semibold text-white tabular-nums">
                <span aria-hidden="true">{item.badge.count}</span>
                <span className="sr-only">{item.badge.label}</span>
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
