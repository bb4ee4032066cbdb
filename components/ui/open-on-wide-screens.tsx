'use client';

import { useEffect, useRef, type ReactNode } from 'react';

const WIDE = '(min-width: 1024px)';

/**
 * A <details> that stays open on wide screens, where it is a sidebar with room to spare, and is a
 * closed disclosure on phones unless `open`. Without JavaScript it is a plain <details>.
 */
export function OpenOnWideScreens({ open, className, children }: { open?: boolean; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const keepOpenIfWide = () => {
    if (ref.current && !ref.current.open && window.matchMedia(WIDE).matches) ref.current.open = true;
  };
  useEffect(keepOpenIfWide, []);
  return (
    <details ref={ref} open={open || undefined} onToggle={keepOpenIfWide} className={className}>
      {children}
    </details>
  );
}
