// Real concurrency needs real Postgres: two app instances (two handles, two connection pools, two
// LISTEN connections) deliver the same outbox side by side. Runs with DATABASE_URL (CI sets it).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type DbHandle } from '@/db/client';
import { notifications } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { startJobs, wakeJob } from '@/lib/jobs/runner';
import { createDeliveryJob } from './delivery';
import { DELIVERY_JOB } from './outbox';
import type { Transport } from './transports/types';

let first: DbHandle;
let second: DbHandle;

beforeAll(async () => {
  first = await createTestDatabase();
  const [{ name }] = rowsOf<{ name: string }>(await first.db.execute(sql`select current_database() as name`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  second = openDatabase({ url: url.toString() });
}, 120_000);
afterAll(async () => {
  await second?.close();
  await first?.close();
});
beforeEach(async () => {
  await first.db.delete(notifications);
});

/** Records every send with the instance that made it; each send takes a few ms, so batches overlap. */
function recorder(log: { instance: string; id: string }[], instance: string): Transport {
  return {
    name: `fake-${instance}`,
    async send(message) {
      await new Promise((r) => setTimeout(r, 1 + Math.random() * 4));
      log.push({ instance, id: message.id });
      return { providerMessageId: `${instance}-${message.id}` };
    },
  };
}

function job(log: { instance: string; id: string }[], instance: string) {
  const t = recorder(log, instance);
  return createDeliveryJob({ transports: { email: t, sms: t }, rules: { batchSize: 5 }, pollMs: 60_000 });
}

async function enqueueMany(n: number): Promise<void> {
  await first.db.transaction(async (tx) => {
    await tx.insert(notifications).values(
      Array.from({ length: n }, (_, i) => ({
        causeKey: `bulk:${i}`,
        channel: 'email' as const,
        recipient: `c${i}@example.com`,
        templateKey: 'password_reset',
        locale: 'en' as const,
        payload: { resetUrl: `/reset/${i}`, expiresInMinutes: 60 },
      })),
    );
    await wakeJob(tx, DELIVERY_JOB);
  });
}

async function countSent(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await first.db.execute(sql`select count(*)::int as n from notifications where status = 'sent'`));
  return Number(row.n);
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('notification delivery across instances (PostgreSQL)', () => {
  it('two instances share the outbox and no message is sent twice', async () => {
    const log: { instance: string; id: string }[] = [];
    const [a, b] = await Promise.all([startJobs(first, [job(log, 'a')]), startJobs(second, [job(log, 'b')])]);
    await enqueueMany(300);
    await eventually(async () => (await countSent()) === 300);
    await Promise.all([a.stop(), b.stop()]);

    expect(log).toHaveLength(300);
    expect(new Set(log.map((l) => l.id)).size).toBe(300);
    // Both did part of the work, and each row records the instance that sent it.
    expect(log.some((l) => l.instance === 'a') && log.some((l) => l.instance === 'b')).toBe(true);
    const rows = await first.db.select().from(notifications);
    const sender = new Map(log.map((l) => [l.id, l.instance]));
    expect(rows.every((r) => r.providerMessageId === `${sender.get(r.id)}-${r.id}` && r.attempts === 1)).toBe(true);
  });

  it('one instance stopping mid-way loses nothing: the other finishes, still each message once', async () => {
    const log: { instance: string; id: string }[] = [];
    const a = await startJobs(first, [job(log, 'a')]);
    const b = await startJobs(second, [job(log, 'b')]);
    await enqueueMany(200);
    await eventually(async () => log.length >= 40);
    await a.stop(); // graceful: its sends in flight finish, its leases are given back
    await eventually(async () => (await countSent()) === 200);
    await b.stop();

    expect(log).toHaveLength(200);
    expect(new Set(log.map((l) => l.id)).size).toBe(200);
    const [left] = rowsOf<{ n: number }>(await first.db.execute(sql`select count(*)::int as n from notifications where status <> 'sent' or locked_by is not null`));
    expect(Number(left.n)).toBe(0);
  });
});
