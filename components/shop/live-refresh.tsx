'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useTransition } from 'react';
import { beginRefresh, installSubmitGate, whenNoActionPending } from '@/components/ui/router-gate';
import { useLiveEvents } from '@/components/ui/use-live-events';

// Events of one commit arrive together (PostgreSQL delivers a transaction's notifications at its
// commit, the stream writes them back to back); a short wait folds them into one refresh and leaves
// nearly all of issue 11's 1 s change-to-screen budget to the refresh itself.
const SETTLE_MS = 30;

/**
 * Re-renders the page's server components when one of `topics` changes (router.refresh keeps client
 * state such as a chosen option), and when the stream reopens after a hidden tab or a broken connection
 * (it may have missed changes). A burst of changes (a counter sale of several units) makes one refresh.
 * A refresh never overlaps a form's action on the page (components/ui/router-gate.ts).
 * `catchUpOnOpen`: re-read once as soon as the stream is first open too, for a page whose change may
 * land between its render and the stream's opening (an order waiting for its payment's webhook).
 */
export function LiveRefresh({ topics, catchUpOnOpen = false }: { topics: string[]; catchUpOnOpen?: boolean }) {
  const router = useRouter();
  // Pending from router.refresh() until the refreshed page has committed.
  const [refreshing, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queued = useRef(false);
  const release = useRef<(() => void) | null>(null);
  const mounted = useRef(true);

  useEffect(() => installSubmitGate(), []);
  useEffect(() => {
    if (refreshing) return;
    release.current?.();
    release.current = null;
  }, [refreshing]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      // Gone (navigated away): a refresh still waiting must not start, nor one in flight hold forms.
      mounted.current = false;
      release.current?.();
      release.current = null;
    };
  }, []);

  useLiveEvents(
    topics,
    () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (queued.current) return;
        queued.current = true;
        whenNoActionPending(() => {
          queued.current = false;
          if (!mounted.current) return;
          release.current?.();
          release.current = beginRefresh();
          startTransition(() => router.refresh());
        });
      }, SETTLE_MS);
    },
    { catchUpOnOpen },
  );
  return null;
}
