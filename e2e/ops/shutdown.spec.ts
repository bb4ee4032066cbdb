import { expect, test } from '@playwright/test';
import { AUTH_SECRET, Instance, ledger, OpsDatabase, placed, Shopper, stockUp, type ActionResponse } from './harness';

const SHOPPERS = 40;

interface Attempt {
  response?: ActionResponse;
  error?: unknown;
  finishedAt: number;
}

test('[OPS][SHUTDOWN] SIGTERM under load: in-flight checkouts finish, the pool closes, no order lost or placed twice', async () => {
  const db = await OpsDatabase.create('shutdown');
  const instances: Instance[] = [];
  try {
    const stock = await stockUp(db);
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
        return { finishedAt: 0 } as Attempt;
      }),
    ]).then((all) => all.slice(0, SHOPPERS));

    const exit = await first.exited;
    // 143 is Next's own exit code after a graceful SIGTERM (a forced exit would be the signal itself).
    expect(exit).toEqual({ code: 143, signal: null });
    const answered = attempts.filter((a) => a.response);
    for (const attempt of answered) expect(placed(attempt.response!), attempt.response!.body.slice(0, 500)).toBe(true);
    // Requests that were in flight when the signal came were finished, not cut off.
    const finishedAfterSignal = answered.filter((a) => a.finishedAt > signalledAt).length;
    test.info().annotations.push({
      type: 'load',
      description: `${answered.length} answered by the stopping instance (${finishedAfterSignal} after SIGTERM), ${SHOPPERS - answered.length} refused`,
    });
    expect(finishedAfterSignal).toBeGreaterThan(0);
    const shutdown = first.logRecords().find((record) => record.msg === 'shutdown complete');
    expect(shutdown?.hooks).toEqual([expect.objectContaining({ hook: 'database', phase: 'resources', ok: true })]);

    // Whoever got no answer (connection refused or reset) retries with the same idempotency key on the
    // instance that is left; then everyone submits once more, as a double click would.
    const survivor = second ?? (await Instance.start(db));
    if (!second) instances.push(survivor);
    for (const [i, shopper] of shoppers.entries()) {
      if (!attempts[i]!.response) expect(placed(await shopper.checkout(survivor.baseUrl))).toBe(true);
    }
    const repeats = await Promise.all(shoppers.map((shopper) => shopper.checkout(survivor.baseUrl)));
    expect(repeats.filter((r) => !placed(r)).map((r) => r.body.slice(0, 300))).toEqual([]);
    await survivor.stop();

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
    expect(logs).not.toContain(AUTH_SECRET);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL')));
    await db.drop();
  }
});
