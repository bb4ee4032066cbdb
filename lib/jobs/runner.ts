import { hostname } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbHandle, DbOrTx } from '@/db/client';
import { withOwnLogContext } from '@/lib/logging/context';

/** What a job gets to do its work. */
export interface JobContext {
  db: Db;
  /** Unique per runner (host, process, random): written on the rows this instance claims (leases). */
  workerId: string;
}

export interface BatchResult {
  /** Items handled in this batch; > 0 → the runner asks for the next batch at once. */
  handled: number;
  /** When the next item is due (e.g. a retry after back-off): the runner wakes up then at the latest. */
  nextDueAt?: Date | null;
}

/**
 * A background job that runs inside every app process. Each batch claims its rows itself — with
 * `FOR UPDATE SKIP LOCKED` and, for work that outlives the transaction, a lease — so any number of
 * instances share the work and none handles an item twice.
 */
export interface Job {
  /** lowercase snake_case: `jobs_<name>` is also the NOTIFY channel that wakes it. */
  name: string;
  /** Fallback poll when no wake-up comes. */
  pollMs: number;
  runBatch(ctx: JobContext): Promise<BatchResult>;
  /** After the last batch on shutdown: give back what this worker still holds (its leases). */
  release?(ctx: JobContext): Promise<void>;
}

export interface JobRunner {
  workerId: string;
  /** Stops taking new batches, waits for the running ones, releases claims, unlistens. */
  stop(): Promise<void>;
}

const ERROR_DELAY_MS = 5_000;

export function jobChannel(name: string): string {
  return `jobs_${name}`;
}

/** Wakes a job on every instance once the surrounding transaction commits (NOTIFY is transactional). */
export async function wakeJob(db: DbOrTx, name: string): Promise<void> {
  await db.execute(sql`select pg_notify(${jobChannel(name)}, '')`);
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Runs `fn` as one run of `job`: every log line written in it (by the job, the code it calls, and the
 * runner's onError) carries `job` (its name) and a `jobId` of its own (new per run), and no request id.
 */
function asJobRun<T>(job: Job, fn: () => Promise<T>): Promise<T> {
  return withOwnLogContext({ job: job.name, jobId: randomUUID() }, fn);
}

/**
 * Runs each job in its own loop: a batch, then — when nothing was handled — a wait for a NOTIFY on its
 * channel, its poll interval or its next due time, whichever comes first. Resolves once every job
 * listens, so a wake-up sent after start is never missed. Each batch is one run for the logs (asJobRun),
 * and so is the release on shutdown.
 */
export async function startJobs(
  handle: Pick<DbHandle, 'db' | 'listen'>,
  jobs: Job[],
  options: { onError?: (job: string, error: unknown) => void } = {},
): Promise<JobRunner> {
  const ctx: JobContext = { db: handle.db, workerId: newWorkerId() };
  let stopping = false;
  const loops = await Promise.all(
    jobs.map(async (job) => {
      const signal = new WakeSignal();
      const unlisten = await handle.listen(jobChannel(job.name), () => signal.wake());
      const done = (async () => {
        while (!stopping) {
          let wait = job.pollMs;
          const result = await asJobRun(job, async () => {
            try {
              return await job.runBatch(ctx);
            } catch (error) {
              options.onError?.(job.name, error);
              return null;
            }
          });
          if (result === null) wait = Math.min(wait, ERROR_DELAY_MS);
          else if (result.handled > 0) continue;
          else if (result.nextDueAt) wait = Math.min(wait, Math.max(0, result.nextDueAt.getTime() - Date.now()));
          if (!stopping) await signal.wait(wait);
        }
      })();
      return { job, signal, unlisten, done };
    }),
  );
  return {
    workerId: ctx.workerId,
    async stop() {
      stopping = true;
      for (const loop of loops) loop.signal.wake();
      await Promise.all(loops.map((l) => l.done));
      for (const loop of loops) {
        await asJobRun(loop.job, async () => {
          await loop.job.release?.(ctx).catch((error: unknown) => options.onError?.(loop.job.name, error));
        });
        await loop.unlisten().catch(() => {}); // the connection may be closing already
      }
    },
  };
}

/** A wake-up that is not lost when it arrives while the job is busy: the next wait returns at once. */
class WakeSignal {
  private pending = false;
  private resolve: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  wake(): void {
    if (this.resolve) this.finish();
    else this.pending = true;
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(() => this.finish(), ms);
    });
  }

  private finish(): void {
    if (this.timer) clearTimeout(this.timer);
    const resolve = this.resolve;
    this.resolve = null;
    this.timer = null;
    resolve?.();
  }
}
