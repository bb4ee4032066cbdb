import { expect, test } from '@playwright/test';
import {
  AUTH_SECRET,
  Instance,
  ledger,
  OpsDatabase,
  outboxState,
  placed,
  queueNotifications,
  Shopper,
  stockUp,
  waitFor,
  type ActionResponse,
} from './harness';

const SHOPPERS = 40;
const JOBS = 30;

interface Attempt {
  response?: ActionResponse;
  error?: unknown;
  finishedAt: number;
}

test('[OPS][SHUTDOWN] SIGTERM under load: in-flight checkouts finish, job claims are released, the pool closes, no order or job lost or doubled', async () => {
  const db = await OpsDatabase.create('shutdown');
  const instances: Instance[] = [];
  try {
    const stock = await stockUp(db);
    // Work for the outbox job while the instances run: emails the job delivers (development outbox).
    const jobs = await queueNotifications(db, JOBS);
    const first = await Instance.start(db);
    instances.push(first);
    // PostgreSQL: a second instance on the same database takes over, as behind a load balancer.
    // PGlite belongs to one process: the same data dir is served again once the first has exited.
    const second = db.kind === 'postgres' ? await Instance.start(db) : null;
    if (second) instances.push(second);

    const shoppers = Array.from({ length: SHOPPERS }, (_, i) => new Shopper(i));
    for (const shopper of shoppers) {
      expect((await shopper.addToCart(first.baseUrl, stock.variantId)).status).toBe(200);
    }

    // All checkouts at once; SIGTERM as soon as the first one is answered, while the others are in flight.
    let signalledAt = 0;
    let stoppedAccepting: Promise<number> | undefined;
    let announceFirst: () => void;
    const firstAnswer = new Promise<void>((resolve) => (announceFirst = resolve));
    const attempts: Attempt[] = await Promise.all([
      ...shoppers.map(async (shopper) => {
        const attempt = await shopper.checkout(first.baseUrl).then(
          (response): Attempt => ({ response, finishedAt: Date.now() }),
          (error: unknown): Attempt => ({ error, finishedAt: Date.now() }),
        );
        announceFirst();
        return attempt;
      }),
      firstAnswer.then(() => {
        signalledAt = Date.now();
        first.process.kill('SIGTERM');
        // When a new connection is refused, the instance has stopped accepting.
        stoppedAccepting = waitFor(
          'the stopping instance to refuse new connections',
          () => fetch(`${first.baseUrl}/api/health/live`).then(() => undefined, () => Date.now()),
          10_000,
        );
        // Awaited below, after the drain; a rejection before then must not go unhandled.
        stoppedAccepting.catch(() => {});
        return { finishedAt: 0 } as Attempt;
      }),
    ]).then((all) => all.slice(0, SHOPPERS));

    const exit = await first.exited;
    // 143 is Next's own exit code after a graceful SIGTERM (a forced exit would be the signal itself).
    expect(exit).toEqual({ code: 143, signal: null });
    const answered = attempts.filter((a) => a.response);
    for (const attempt of answered) expect(placed(attempt.response!), attempt.response!.body.slice(0, 500)).toBe(true);
    // Requests that were in flight when the signal came were finished, not cut off — some of them after
    // the instance had stopped taking new connections.
    const refusingSince = await stoppedAccepting!;
    const finishedAfterSignal = answered.filter((a) => a.finishedAt > signalledAt).length;
    const finishedWhileRefusing = answered.filter((a) => a.finishedAt > refusingSince).length;
    test.info().annotations.push({
      type: 'load',
      description:
        `${answered.length} answered by the stopping instance (${finishedAfterSignal} after SIGTERM, ` +
        `${finishedWhileRefusing} after it refused new connections), ${SHOPPERS - answered.length} refused`,
    });
    expect(finishedWhileRefusing).toBeGreaterThan(0);
    const shutdown = first.logRecords().find((record) => record.msg === 'shutdown complete');
    // The job runner released its claims (work phase) before the pool closed (resources phase).
    // (Other work hooks, e.g. the settings cache's listener, stop beside the jobs; the pool closes last.)
    const hooks = (shutdown?.hooks ?? []) as { hook: string; phase: string; ok: boolean }[];
    expect(hooks).toContainEqual(expect.objectContaining({ hook: 'jobs', phase: 'work', ok: true }));
    expect(hooks.at(-1)).toEqual(expect.objectContaining({ hook: 'database', phase: 'resources', ok: true }));
    expect(hooks.filter((h) => h.phase === 'resources').map((h) => h.hook)).toEqual(['database']);
    expect(hooks.every((h) => h.ok)).toBe(true);

    // Whoever got no answer (connection refused or reset) retries with the same idempotency key on the
    // instance that is left; then everyone submits once more, as a double click would.
    const survivor = second ?? (await Instance.start(db));
    if (!second) instances.push(survivor);
    for (const [i, shopper] of shoppers.entries()) {
      if (!attempts[i]!.response) expect(placed(await shopper.checkout(survivor.baseUrl))).toBe(true);
    }
    const repeats = await Promise.all(shoppers.map((shopper) => shopper.checkout(survivor.baseUrl)));
    expect(repeats.filter((r) => !placed(r)).map((r) => r.body.slice(0, 300))).toEqual([]);
    if (db.kind === 'postgres') {
      // The survivor delivers what the stopped instance left: every email exactly once.
      await waitFor('the outbox to be delivered', async () => ((await outboxState(db, jobs)).sent === JOBS ? true : undefined), 30_000);
    }
    await survivor.stop();
    // No job lost: each email sent or still pending, none left claimed by a stopped instance.
    const outbox = await outboxState(db, jobs);
    expect(outbox).toMatchObject({ total: JOBS, claimed: 0 });
    expect(outbox.sent + outbox.pending).toBe(JOBS);
    // Nothing was sent twice: one attempt per sent email (the development outbox never fails).
    expect(outbox.attempts).toBe(outbox.sent);

    const book = await ledger(db, stock, shoppers.map((s) => s.idempotencyKey));
    expect(book.orders).toHaveLength(SHOPPERS);
    expect(book.orders.filter((o) => o.lines !== 1 || o.quantity !== 1 || o.placedEvents !== 1)).toEqual([]);
    expect(book).toMatchObject({ orphanMovements: 0, reservedDelta: SHOPPERS, reserved: SHOPPERS });

    // No personal data or secret of any checkout reached a log line of either instance.
    const logs = instances.flatMap((instance) => instance.output).join('\n');
    for (const shopper of shoppers) {
      const { email, name, street, phone } = shopper.details;
      for (const value of [email, name, street, phone, shopper.cookies.get('omnishop_cart')!]) expect(logs).not.toContain(value);
    }
    for (let i = 0; i < JOBS; i++) expect(logs).not.toContain(`ops.job${i}@example.com`);
    expect(logs).not.toContain(AUTH_SECRET);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL')));
    await db.drop();
  }
});
