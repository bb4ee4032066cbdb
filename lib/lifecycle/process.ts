import { closeDbHandle } from '@/db/client';
import { log } from '@/lib/logging/logger';
import { closeKeepAliveOnShutdown } from './keep-alive';
import { beginShutdown, isShuttingDown, onShutdown, runShutdownHooks } from './shutdown';

/**
 * Graceful shutdown of a `next start` process, installed from instrumentation.ts (Node runtime).
 *
 * Next handles SIGTERM/SIGINT itself (next/dist/server/lib/start-server.js): it stops accepting
 * connections, waits for the requests in flight (`server.close`), closes its own server and then calls
 * `process.exit(143|130)` (keep-alive connections are closed meanwhile, see keep-alive.ts). That exit is the one moment when no request can still need the database, so
 * it is deferred until the shutdown hooks ran (job claims released, then the pool closed). A deadline
 * (SHUTDOWN_TIMEOUT_MS, default 25 s, below the usual 30 s grace of a container platform) ends a drain
 * that hangs on a long-lived connection.
 */
export function installGracefulShutdown(env: NodeJS.ProcessEnv = process.env): void {
  const globalForLifecycle = globalThis as unknown as { omnishopLifecycle?: boolean };
  if (globalForLifecycle.omnishopLifecycle) return;
  globalForLifecycle.omnishopLifecycle = true;

  onShutdown('database', closeDbHandle, { phase: 'resources' });
  const keepAlive = closeKeepAliveOnShutdown();
  const deadlineMs = positive(env.SHUTDOWN_TIMEOUT_MS, 25_000);
  const realExit = process.exit.bind(process);
  let signalledAt = 0;
  let exiting = false;

  const finish = (code: number) => {
    if (exiting) return;
    exiting = true;
    const hooksStarted = Date.now();
    void runShutdownHooks(Math.min(10_000, deadlineMs))
      .then((hooks) =>
        log.info({ hooks: hooks.map(({ name, ...outcome }) => ({ hook: name, ...outcome })), drainMs: hooksStarted - signalledAt, hooksMs: Date.now() - hooksStarted, code }, 'shutdown complete'),
      )
      .finally(() => realExit(code));
  };

  process.exit = ((code?: number | string | null) => {
    if (!isShuttingDown()) return realExit(code);
    finish(Number(code ?? process.exitCode ?? 0));
  }) as typeof process.exit;

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      signalledAt = Date.now();
      beginShutdown();
      keepAlive.drain();
      log.info({ signal, deadlineMs }, 'shutdown: draining in-flight requests');
      setTimeout(() => {
        log.warn({ signal }, 'shutdown: requests still open at the deadline, exiting anyway');
        finish(signal === 'SIGTERM' ? 143 : 130);
      }, deadlineMs).unref();
    });
  }
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}
