'use client';

import { useEffect, useRef } from 'react';
import { keepLiveConnection, type LiveChange } from './live-connection';

export { RESYNC_TOPIC, type LiveChange } from './live-connection';

/**
 * Subscribes to the app's live stream (/api/live) for `topics` while the component is mounted and the
 * tab is visible (keepLiveConnection): after a hidden tab or a broken connection, and with
 * `catchUpOnOpen` also at first, `onChange` gets one `{ topic: RESYNC_TOPIC }` once the stream is open.
 * `onChange` may change between renders.
 */
export function useLiveEvents(
  topics: string[],
  onChange: (change: LiveChange) => void,
  { catchUpOnOpen = false }: { catchUpOnOpen?: boolean } = {},
): void {
  const handler = useRef(onChange);
  const catchUp = useRef(catchUpOnOpen);
  useEffect(() => {
    handler.current = onChange;
    catchUp.current = catchUpOnOpen;
  });
  const key = [...topics].sort().join(',');
  useEffect(() => {
    if (!key) return;
    return keepLiveConnection(`/api/live?topics=${encodeURIComponent(key)}`, (change) => handler.current(change), {
      catchUpOnOpen: () => catchUp.current,
    });
  }, [key]);
}
