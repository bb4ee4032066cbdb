import 'server-only';
import { getDbHandle } from '@/db/client';
import { LIVE_CHANNEL, type LiveEvent } from './publish';

type Listener = (event: LiveEvent) => void;

interface Hub {
  listeners: Map<Listener, Set<string>>;
  listening: Promise<void> | null;
}

// One hub per process (on globalThis, like the database handle), holding one LISTEN connection.
const globalForLive = globalThis as unknown as { omnishopLiveHub?: Hub };

function hub(): Hub {
  globalForLive.omnishopLiveHub ??= { listeners: new Map(), listening: null };
  return globalForLive.omnishopLiveHub;
}

function dispatch(payload: string): void {
  let event: LiveEvent;
  try {
    event = JSON.parse(payload) as LiveEvent;
  } catch {
    return; // not ours
  }
  for (const [listener, topics] of hub().listeners) {
    if (topics.has(event.topic)) listener(event);
  }
}

/**
 * Calls `listener` for every live event on one of `topics` (already authorized by the caller), from
 * any instance. Resolves once this process listens; returns the unsubscribe function.
 */
export async function subscribeLive(topics: string[], listener: Listener): Promise<() => void> {
  const h = hub();
  h.listening ??= getDbHandle()
    .listen(LIVE_CHANNEL, dispatch)
    .then(() => undefined)
    .catch((error: unknown) => {
      h.listening = null; // try again with the next subscriber
      throw error;
    });
  await h.listening;
  h.listeners.set(listener, new Set(topics));
  return () => {
    h.listeners.delete(listener);
  };
}
