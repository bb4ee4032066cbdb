'use client';

import { useEffect, useRef } from 'react';

export interface LiveChange {
  topic: string;
  data?: Record<string, unknown>;
}

/**
 * Subscribes to the app's live stream (/api/live) for `topics` while the component is mounted;
 * EventSource reconnects by itself after a network drop. `onChange` may change between renders.
 */
export function useLiveEvents(topics: string[], onChange: (change: LiveChange) => void): void {
  const handler = useRef(onChange);
  useEffect(() => {
    handler.current = onChange;
  });
  const key = [...topics].sort().join(',');
  useEffect(() => {
    if (!key) return;
    const source = new EventSource(`/api/live?topics=${encodeURIComponent(key)}`);
    const onEvent = (event: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(event.data) as LiveChange);
      } catch {
        // a malformed event is ignored; the next one carries the news again
      }
    };
    source.addEventListener('change', onEvent);
    return () => source.close();
  }, [key]);
}
