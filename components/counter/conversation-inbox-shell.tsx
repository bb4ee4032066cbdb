import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * List and thread side by side from 1024 px (a landscape tablet, a desktop); below that one at a time:
 * the list, or the open thread with a way back to the list.
 */
export function ConversationInboxShell({
  list,
  children,
  selected,
  back,
}: {
  list: ReactNode;
  children: ReactNode;
  /** A thread (or customer) is open: on narrow screens show it instead of the list. */
  selected: boolean;
  back: { href: string; label: string };
}) {
  return (
    <div className="grid items-start gap-4 lg:grid-cols-[24rem_minmax(0,1fr)]">
      <div className={selected ? 'hidden lg:block' : ''}>{list}</div>
      <div className={selected ? '' : 'hidden lg:block'}>
        {selected && (
          <Link
            href={back.href}
            className="mb-3 inline-flex min-h-12 items-center gap-1 rounded-lg px-2 text-base font-semibold text-brand-700 hover:bg-white lg:hidden"
          >
            <span aria-hidden="true">←</span> {back.label}
          </Link>
        )}
        {children}
      </div>
    </div>
  );
}
