import { getDbHandle } from '@/db/client';
import { onShutdown } from '@/lib/lifecycle/shutdown';
import { log } from '@/lib/logging/logger';
import { appJobs } from './registry';
import { startJobs } from './runner';

// Once per process: instrumentation and route handlers are separate bundles with their own module copies.
const globalForJobs = globalThis as unknown as { omnishopJobs?: Promise<void> };

/**
 * Starts the app's background jobs in this server process (from instrumentation.ts) and stops them on
 * shutdown, releasing their claims so another instance takes over at once. OMNISHOP_JOBS=off leaves
 * them to other instances (e.g. a read-only or maintenance instance).
 */
export function startAppJobs(): Promise<void> {
  if (process.env.OMNISHOP_JOBS === 'off') return Promise.resolve();
  globalForJobs.omnishopJobs ??= (async () => {
    const runner = await startJobs(getDbHandle(), appJobs(), {
      onError: (job, error) => log.error({ job, err: error }, 'job batch failed'),
    });
    onShutdown('jobs', () => runner.stop());
    log.info({ workerId: runner.workerId }, 'jobs started');
  })();
  return globalForJobs.omnishopJobs;
}
