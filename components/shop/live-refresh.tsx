'use client';

import { useRouter } from 'next/navigation';
import { useRef } from 'react';
import { useLiveEvents } from '@/components/ui/use-live-events';

const SETTLE_MS = 250;

/**
 * Re-renders the page's server components when one of `topics` changes (router.refresh keeps client
 * state such as a chosen option). A burst of changes (a counter sale of several units) makes one refresh.
 */
export function LiveRefresh({ topics }: { topics: string[] }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useLiveEvents(topics, () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), SETTLE_MS);
  });
  return null;
}
