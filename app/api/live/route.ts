import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { allowedTopics } from '@/lib/live/access';
import { subscribeLive } from '@/lib/live/hub';
import { withRequestLogContext } from '@/lib/logging/route';
import { guestOrderIds } from '@/lib/orders/guest-orders';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 25_000;

/**
 * The live stream (Server-Sent Events): `GET /api/live?topics=stock:12,stock:13`. Only the topics this
 * visitor may watch are streamed (lib/live/access.ts); each event names its topic, and the page
 * re-reads what changed. One LISTEN per instance feeds every stream (lib/live/hub.ts).
 */
export const GET = withRequestLogContext(async (request: Request) => {
  const requested = (new URL(request.url).searchParams.get('topics') ?? '').split(',').filter(Boolean);
  const topics = await allowedTopics(getDb(), { actor: await getActor(), guestOrderIds: await guestOrderIds() }, requested);
  if (topics.length === 0) return new Response('no topics', { status: 400 });

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup(); // the browser went away between two events
        }
      };
      const unsubscribe = await subscribeLive(topics, (event) => send(`event: change\ndata: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener('abort', () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      // Tells the browser the stream is open (and how long to wait before reconnecting).
      send(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ topics })}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: compression would buffer the stream (shared/STACK-NOTES.md).
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
});
