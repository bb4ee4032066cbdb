/**
 * What an open live stream costs the server, and that one event reaches them all (issue 11, "live by push"):
 *
 *   npx tsx e2e/bench/live-connections.ts --url http://127.0.0.1:3190 --pid <next-server pid> --n 500
 *
 * Opens N Server-Sent Events streams to /api/live?topics=stock:1 (Node's fetch, i.e. undici, one
 * connection each), waits for each stream's `ready`, and reads the server's resident memory
 * (/proc/<pid>/status VmRSS) before and after: the difference over N is the memory per connection. Then it
 * publishes one event the way the app does (pg_notify on `live_events` through DATABASE_URL, so it needs
 * PostgreSQL: a PGlite server has no outside connection) and checks that all N streams receive it.
 * Exit code 1 when a stream failed to open or missed the event.
 */
import fs from 'node:fs';
import postgres from 'postgres';

const TOPIC = 'stock:1';

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const url = value('url') ?? 'http://127.0.0.1:3000';
  const pid = Number(value('pid'));
  const n = Number(value('n') ?? 500);
  if (!Number.isSafeInteger(pid) || pid <= 0) throw new Error('--pid <the Next server process> is required (its RSS is measured)');
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error('--n must be a positive integer');
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must point at the server’s PostgreSQL (the event is published there)');
  return { url, pid, n, timeoutMs: Number(value('timeout') ?? 10_000) };
}

/** VmRSS of the process, in KiB. */
function rssKiB(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  if (!line) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(line.replace(/\D+/g, ''));
}

/** A deferred that also fails after `ms`. */
function deferred<T = void>(ms: number, what: string) {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  return { promise: promise.finally(() => clearTimeout(timer)), resolve, reject };
}

interface Stream {
  ready: Promise<void>;
  /** Set up before publishing: resolves at the first `change` on TOPIC. */
  changed: () => Promise<number>;
  abort: () => void;
}

/** One SSE stream read by hand: events are blocks separated by a blank line (`event:` / `data:` lines). */
function openStream(url: string, timeoutMs: number): Stream {
  const controller = new AbortController();
  const ready = deferred(timeoutMs, 'ready');
  const pending: { change?: ReturnType<typeof deferred<number>> } = {};
  void (async () => {
    const response = await fetch(`${url}/api/live?topics=${encodeURIComponent(TOPIC)}`, {
      headers: { accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'ready') ready.resolve();
        if (event === 'change' && data && (JSON.parse(data) as { topic: string }).topic === TOPIC) pending.change?.resolve(performance.now());
      }
    }
  })().catch((error: Error) => {
    if (controller.signal.aborted) return;
    ready.reject(error);
    pending.change?.reject(error);
  });
  return {
    ready: ready.promise,
    changed: () => {
      pending.change = deferred<number>(timeoutMs, 'change');
      return pending.change.promise;
    },
    abort: () => controller.abort(),
  };
}

async function main() {
  const opt = options();
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const streams: Stream[] = [];
  try {
    // One warm-up stream first: the instance's LISTEN connection and the route's code are not per-stream costs.
    const warm = openStream(opt.url, opt.timeoutMs);
    await warm.ready;
    warm.abort();
    const before = rssKiB(opt.pid);
    const opening = performance.now();
    for (let i = 0; i < opt.n; i++) streams.push(openStream(opt.url, opt.timeoutMs));
    const opened = await Promise.allSettled(streams.map((s) => s.ready));
    const failedToOpen = opened.filter((r) => r.status === 'rejected').length;
    const openMs = performance.now() - opening;
    const after = rssKiB(opt.pid);
    console.log(`${opt.n - failedToOpen}/${opt.n} streams ready in ${Math.round(openMs)} ms`);
    console.log(`server RSS ${before} KiB → ${after} KiB: ${((after - before) / opt.n).toFixed(1)} KiB per connection`);

    const arrivals = streams.map((s) => s.changed());
    const published = performance.now();
    await sql`select pg_notify('live_events', ${JSON.stringify({ topic: TOPIC })})`;
    const results = await Promise.allSettled(arrivals);
    const times = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value - published] : []));
    const missed = opt.n - times.length;
    console.log(`one event reached ${times.length}/${opt.n} streams; the last after ${Math.round(Math.max(...times, 0))} ms`);
    if (failedToOpen > 0 || missed > 0) process.exitCode = 1;
  } finally {
    for (const s of streams) s.abort();
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
