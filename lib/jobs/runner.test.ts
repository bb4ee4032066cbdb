import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, type DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { withLogContext } from '@/lib/logging/context';
import { startJobs, wakeJob, type Job } from './runner';
import { captureLog } from '@/lib/logging/testing';

let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await handle.db.execute(sql`create table job_test_items (id serial primary key, done boolean not null default false)`);
  await handle.db.execute(sql`create table job_test_log (item_id int not null, worker text not null)`);
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await handle.db.execute(sql`truncate job_test_items, job_test_log restart identity`);
});

/** Claims up to 3 due items with SKIP LOCKED, logs who handled each, marks them done — one transaction. */
function testJob(released: string[] = []): Job {
  return {
    name: 'runner_test',
    pollMs: 60_000, // long: only a NOTIFY (or more work) makes it run again within the test
    async runBatch({ db, workerId }) {
      return db.transaction(async (tx) => {
        const items = rowsOf<{ id: number }>(
          await tx.execute(sql`select id from job_test_items where not done order by id limit 3 for update skip locked`),
        );
        for (const item of items) {
          await tx.execute(sql`insert into job_test_log (item_id, worker) values (${item.id}, ${workerId})`);
          await tx.execute(sql`update job_test_items set done = true where id = ${item.id}`);
        }
        return { handled: items.length };
      });
    },
    async release({ workerId }) {
      released.push(workerId);
    },
  };
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number }>(await handle.db.execute(query))[0].n);
}

/** Polls a condition with a bounded timeout (no fixed sleeps). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('job runner', () => {
  it('two runners share the work: every item is handled exactly once', async () => {
    await handle.db.execute(sql`insert into job_test_items (done) select false from generate_series(1, 40)`);
    const released: string[] = [];
    const [a, b] = await Promise.all([startJobs(handle, [testJob(released)]), startJobs(handle, [testJob(released)])]);
    await eventually(async () => (await count(sql`select count(*)::int as n from job_test_items where not done`)) === 0);
    await Promise.all([a.stop(), b.stop()]);
    expect(await count(sql`select count(*)::int as n from job_test_log`)).toBe(40);
    expect(await count(sql`select count(distinct item_id)::int as n from job_test_log`)).toBe(40);
    expect(released.sort()).toEqual([a.workerId, b.workerId].sort());
  });

  it('wakes on NOTIFY after a commit instead of waiting for its poll', async () => {
    const runner = await startJobs(handle, [testJob()]);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into job_test_items default values`);
      await wakeJob(tx, 'runner_test');
    });
    await eventually(async () => (await count(sql`select count(*)::int as n from job_test_log`)) === 1, 5_000);
    await runner.stop();
  });

  it('keeps running after a failing batch and reports the error', async () => {
    const errors: string[] = [];
    let calls = 0;
    const flaky: Job = {
      name: 'runner_flaky',
      pollMs: 60_000,
      async runBatch() {
        calls++;
        if (calls === 1) throw new Error('boom');
        return { handled: 0 };
      },
    };
    const runner = await startJobs(handle, [flaky], { onError: (job, e) => errors.push(`${job}: ${(e as Error).message}`) });
    await wakeJob(handle.db, 'runner_flaky');
    await eventually(async () => calls >= 2);
    await runner.stop();
    expect(errors).toEqual(['runner_flaky: boom']);
  });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('job runner log context', () => {
  it('every line of a run carries job and a jobId of that run; a new run gets a new id; no request id leaks in', async () => {
    const { logger, records } = captureLog();
    let calls = 0;
    let finished!: () => void;
    const twoRuns = new Promise<void>((resolve) => (finished = resolve));
    const job: Job = {
      name: 'runner_logging',
      pollMs: 60_000,
      async runBatch({ db }) {
        calls++;
        logger.info({ batch: calls }, 'batch started');
        await db.execute(sql`select 1`);
        // Deeper code logging with a child logger of its own still gets the run's context.
        logger.child({ module: 'deep' }).info({ batch: calls }, 'batch done');
        if (calls === 2) finished();
        return { handled: calls === 1 ? 1 : 0 }; // 1 → the runner asks for a second batch at once
      },
      async release() {
        logger.info('released');
      },
    };
    // Started inside a request (as a route handler might): that request's id is not the job's.
    const runner = await withLogContext({ requestId: 'req-not-the-jobs' }, () => startJobs(handle, [job]));
    await twoRuns;
    await runner.stop();

    const lines = records();
    expect(lines.map((line) => line.msg)).toEqual(['batch started', 'batch done', 'batch started', 'batch done', 'released']);
    for (const line of lines) {
      expect(line).toMatchObject({ job: 'runner_logging', jobId: expect.stringMatching(UUID) });
      expect(line.requestId).toBeUndefined();
    }
    const [first, firstDone, second, secondDone, released] = lines;
    expect(firstDone.jobId).toBe(first.jobId);
    expect(secondDone.jobId).toBe(second.jobId);
    expect(new Set([first.jobId, second.jobId, released.jobId]).size).toBe(3);
  });

  it('the error report of a failed batch is logged in that run', async () => {
    const { logger, records } = captureLog();
    let calls = 0;
    const failing: Job = {
      name: 'runner_failing_log',
      pollMs: 60_000,
      async runBatch() {
        calls++;
        if (calls === 1) {
          logger.info('about to fail');
          throw new Error('boom');
        }
        return { handled: 0 };
      },
    };
    const runner = await startJobs(handle, [failing], { onError: (_job, error) => logger.error({ err: error }, 'job batch failed') });
    await eventually(async () => records().some((line) => line.msg === 'job batch failed'));
    await runner.stop();
    const [before, failed] = records();
    expect(failed).toMatchObject({ level: 'error', job: 'runner_failing_log', jobId: before.jobId });
    expect(before.jobId).toEqual(expect.stringMatching(UUID));
  });
});
