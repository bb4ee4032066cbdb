// The live stream's connection, apart from React so its life cycle can be tested without a browser.

export interface LiveChange {
  topic: string;
  data?: Record<string, unknown>;
}

/** What `onChange` receives when events may have been missed (the stream was closed or broke): re-read all. */
export const RESYNC_TOPIC = '*resync';

interface Doc {
  hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}
interface Source {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/**
 * Keeps an EventSource on `url` open while `doc` is visible: a hidden tab closes it (an open stream
 * costs the server a connection) and opens it again when shown. Whenever it opens again after a close
 * or an error (EventSource reconnects by itself) — or, with `catchUpOnOpen()`, also the first time —
 * `onChange` gets one `{ topic: RESYNC_TOPIC }` once the server says `ready`. Returns the stop function.
 */
export function keepLiveConnection(
  url: string,
  onChange: (change: LiveChange) => void,
  {
    catchUpOnOpen = () => false,
    doc = document,
    createSource = (u: string): Source => new EventSource(u),
  }: { catchUpOnOpen?: () => boolean; doc?: Doc; createSource?: (url: string) => Source } = {},
): () => void {
  let source: Source | null = null;
  let missed = catchUpOnOpen() || doc.hidden;
  const onEvent = (event: MessageEvent<string>) => {
    try {
      onChange(JSON.parse(event.data) as LiveChange);
    } catch {
      // a malformed event is ignored; the next one carries the news again
    }
  };
  const onReady = () => {
    if (missed) onChange({ topic: RESYNC_TOPIC });
    missed = false;
  };
  const open = () => {
    if (source) return;
    source = createSource(url);
    source.addEventListener('change', onEvent);
    source.addEventListener('ready', onReady);
    source.addEventListener('error', () => (missed = true));
  };
  const close = () => {
    source?.close();
    source = null;
    missed = true;
  };
  const onVisibility = () => (doc.hidden ? close() : open());
  if (!doc.hidden) open();
  doc.addEventListener('visibilitychange', onVisibility);
  return () => {
    doc.removeEventListener('visibilitychange', onVisibility);
    source?.close();
    source = null;
  };
}
