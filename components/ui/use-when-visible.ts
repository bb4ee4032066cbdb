'use client';

import { useEffect, useRef } from 'react';

/**
 * Calls `onVisible` once for each new `token` while the page is actually on screen (now, or as soon as
 * the tab is shown again) — e.g. to mark messages as read only when someone could have read them.
 * A null token does nothing.
 */
export function useWhenVisible(token: string | null, onVisible: () => void): void {
  const handler = useRef(onVisible);
  useEffect(() => {
    handler.current = onVisible;
  });
  useEffect(() => {
    if (!token) return;
    let done = false;
    const check = () => {
      if (done || document.visibilityState !== 'visible') return;
      done = true;
      handler.current();
    };
    check();
    document.addEventListener('visibilitychange', check);
    return () => document.removeEventListener('visibilitychange', check);
  }, [token]);
}
