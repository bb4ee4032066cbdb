'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function AdminNav({
  items,
  label,
}: {
  items: { href: string; label: string; badge?: { count: number; label: string } }[];
  label: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto lg:flex-col">
      {items.map((item) => {
        const current = item.href === '/admin' ? pathname === item.href : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className="whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium text-stone-600 hover:bg-stone-100 hover:text-stone-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
          >
            {item.label}
            {item.badge && item.badge.count > 0 && (
              <span className="ml-2 rounded-full bg-orange-600 px-2 py-0.5 text-xs font-semibold text-white tabular-nums">
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
