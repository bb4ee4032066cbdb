import { expect, test } from '@playwright/test';
import { Instance, ledger, OpsDatabase, placed, Shopper, stockUp, type ActionResponse } from './harness';

const SHOPPERS = 50;

test('[OPS][CRASH] kill -9 in the middle of 50 concurrent checkouts leaves no partial order and no stock movement without its order', async () => {
  const db = await OpsDatabase.create('crash');
  const instances: Instance[] = [];
  try {
    const stock = await stockUp(db);
    const doomed = await Instance.start(db);
    instances.push(doomed);
    const shoppers = Array.from({ length: SHOPPERS }, (_, i) => new Shopper(i));
    for (const shopper of shoppers) {
      expect((await shopper.addToCart(doomed.baseUrl, stock.variantId)).status).toBe(200);
    }

    // SIGKILL once a few checkouts have been answered: the rest are mid-transaction or queued.
    let answered = 0;
    const results = await Promise.all(
      shoppers.map((shopper) =>
        shopper.checkout(doomed.baseUrl).then(
          (response): ActionResponse | null => {
            if (++answered === 5) doomed.process.kill('SIGKILL');
            return response;
          },
          () => null,
        ),
      ),
    );
    expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const cutOff = results.filter((r) => r === null).length;
    test.info().annotations.push({ type: 'load', description: `${SHOPPERS - cutOff} answered before the kill, ${cutOff} cut off` });
    // The kill came mid-load: some checkouts never got an answer.
    expect(cutOff).toBeGreaterThan(0);

    // What the crash left: every order complete (its line, its 'placed' event, its reservation),
    // nothing half-written. PGlite is opened again after an unclean stop (its recovery, and the stale lock).
    const afterCrash = await (db.kind === 'pglite' ? ledger(db, stock, shoppers.map((s) => s.idempotencyKey)) : null);
    const restarted = await Instance.start(db);
    instances.push(restarted);
    const checkCrashState = afterCrash ?? (await ledger(db, stock, shoppers.map((s) => s.idempotencyKey)));
    expect(checkCrashState.orders.filter((o) => o.lines !== 1 || o.quantity !== 1 || o.placedEvents !== 1)).toEqual([]);
    expect(checkCrashState).toMatchObject({
      orphanMovements: 0,
      reservedDelta: checkCrashState.orders.length,
      reserved: checkCrashState.orders.length,
    });
    // Every answered checkout is among them.
    expect(results.filter((r) => r !== null && !placed(r)).map((r) => r!.body.slice(0, 300))).toEqual([]);

    // The shoppers who got no answer try again, with the same key, on the restarted instance.
    const retried = await Promise.all(shoppers.map((shopper, i) => (results[i] ? results[i] : shopper.checkout(restarted.baseUrl))));
    expect(retried.filter((r) => !placed(r!)).map((r) => r!.body.slice(0, 300))).toEqual([]);
    await restarted.stop();

    const book = await ledger(db, stock, shoppers.map((s) => s.idempotencyKey));
    expect(book.orders).toHaveLength(SHOPPERS);
    expect(book.orders.filter((o) => o.lines !== 1 || o.quantity !== 1 || o.placedEvents !== 1)).toEqual([]);
    expect(book).toMatchObject({ orphanMovements: 0, reservedDelta: SHOPPERS, reserved: SHOPPERS });
  } finally {
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL')));
    await db.drop();
  }
});
