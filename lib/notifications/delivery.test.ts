import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, type DbHandle } from '@/db/client';
import { notifications } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { startJobs } from '@/lib/jobs/runner';
import { createDeliveryJob } from './delivery';
import { enqueueNotification, type NotificationInput } from './outbox';
import { claimDue, markSent } from './store';
import { DEV_OUTBOX_PROVIDER, PermanentDeliveryError, type OutgoingMessage, type Transport } from './transports/types';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
}, 120_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await handle.db.delete(notifications);
});

const ctx = (workerId = 'worker-a') => ({ db: handle.db, workerId });

/** A transport that records what it was given and answers with `behaviour`. */
function fakeTransport(behaviour: (m: OutgoingMessage, n: number) => Promise<string> | string = (m) => `id-${m.id}`) {
  const sent: OutgoingMessage[] = [];
  const transport: Transport = {
    name: 'fake',
    async send(message) {
      sent.push(message);
      return { providerMessageId: await behaviour(message, sent.length) };
    },
  };
  return { transport, sent };
}

function failing(error: () => Error = () => new Error('provider down')) {
  return fakeTransport(() => {
    throw error();
  });
}

const reply = (over: Partial<NotificationInput> = {}): NotificationInput => ({
  causeKey: `thread:1:message:${Math.random()}`,
  channel: 'email',
  recipient: 'anna@example.com',
  templateKey: 'conversation_reply',
  locale: 'nl',
  payload: { customerName: 'Anna', excerpt: 'Uw schoenen liggen klaar.', link: '/account/messages/1' },
  ...over,
});

async function only() {
  const rows = await handle.db.select().from(notifications);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** Seconds between the row's next attempt and its last update (both set by one statement's now()). */
async function delaySeconds(id: string): Promise<number> {
  const [row] = rowsOf<{ s: number }>(
    await handle.db.execute(sql`select extract(epoch from next_attempt_at - updated_at)::float8 as s from notifications where id = ${id}`),
  );
  return Number(row.s);
}

const makeDue = () => handle.db.update(notifications).set({ nextAttemptAt: sql`now() - interval '1 second'` });

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('notification delivery', () => {
  it('sends a due message once and records what was sent', async () => {
    const email = fakeTransport();
    const job = createDeliveryJob({ transports: { email: email.transport, sms: failing().transport } });
    await enqueueNotification(handle.db, reply());
    expect(await job.runBatch(ctx())).toEqual({ handled: 1 });
    const row = await only();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, providerMessageId: `id-${row.id}`, lockedBy: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.subject).toBe('Je hebt een antwoord van de winkel');
    expect(row.bodyText).toContain('> Uw schoenen liggen klaar.');
    expect(row.bodyHtml).toContain('<blockquote');
    expect(email.sent).toHaveLength(1);
    expect(email.sent[0]).toMatchObject({ id: row.id, to: 'anna@example.com', subject: row.subject });
    // Nothing is due any more: the next batch claims nothing and sends nothing.
    expect(await job.runBatch(ctx())).toEqual({ handled: 0, nextDueAt: null });
    expect(email.sent).toHaveLength(1);
  });

  it('sends the short SMS text, without HTML, on the sms channel', async () => {
    const sms = fakeTransport();
    const job = createDeliveryJob({ transports: { email: failing().transport, sms: sms.transport } });
    await enqueueNotification(handle.db, reply({ channel: 'sms', recipient: '+31612345678', locale: 'en' }));
    await job.runBatch(ctx());
    expect(sms.sent[0].text).toBe('Omnishop replied to your message: http://localhost:3000/account/messages/1');
    expect(sms.sent[0].html).toBeUndefined();
    expect((await only()).bodyText).toBe(sms.sent[0].text);
  });

  it('without configuration keeps messages in the development outbox, marked sent by dev-outbox', async () => {
    const job = createDeliveryJob({ config: { email: { kind: 'dev-outbox' }, sms: { kind: 'dev-outbox' } } });
    await enqueueNotification(handle.db, reply());
    await enqueueNotification(handle.db, reply({ channel: 'sms', recipient: '+31612345678' }));
    await job.runBatch(ctx());
    const rows = await handle.db.select().from(notifications);
    expect(rows.map((r) => [r.status, r.providerMessageId])).toEqual([
      ['sent', DEV_OUTBOX_PROVIDER],
      ['sent', DEV_OUTBOX_PROVIDER],
    ]);
    expect(rows.every((r) => r.subject && r.bodyText)).toBe(true);
  });

  it('a failure is retried with exponential back-off and jitter', async () => {
    const email = failing();
    const rules = { baseDelayMs: 10_000, maxDelayMs: 25_000 };
    let jitter = 0; // random() = 0 → factor 0.5; random() → 1 would be factor 1
    const job = createDeliveryJob({ transports: { email: email.transport, sms: email.transport }, rules, random: () => jitter });
    await enqueueNotification(handle.db, reply());

    await job.runBatch(ctx());
    let row = await only();
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'provider down', lockedBy: null });
    expect(row.subject).toBe('Je hebt een antwoord van de winkel'); // the admin can read what failed
    expect(await delaySeconds(row.id)).toBeCloseTo(5, 3); // 10 s · 2^0 · 0.5
    // Not due yet: the next batch leaves it alone and says when to come back.
    const idle = await job.runBatch(ctx());
    expect(idle.handled).toBe(0);
    expect(idle.nextDueAt?.getTime()).toBe(row.nextAttemptAt.getTime());

    await makeDue();
    jitter = 0.5;
    await job.runBatch(ctx());
    row = await only();
    expect(row.attempts).toBe(2);
    expect(await delaySeconds(row.id)).toBeCloseTo(15, 3); // 10 s · 2^1 · 0.75

    await makeDue();
    jitter = 0.999_999;
    await job.runBatch(ctx());
    expect(await delaySeconds(row.id)).toBeCloseTo(25, 2); // 10 s · 2^2 = 40 s, capped at 25 s
    expect(email.sent).toHaveLength(3);
  });

  it('is dead after maxAttempts and never claimed again', async () => {
    const email = failing(() => new Error('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:25') }));
    const job = createDeliveryJob({ transports: { email: email.transport, sms: email.transport }, rules: { maxAttempts: 3 } });
    await enqueueNotification(handle.db, reply());
    for (let i = 1; i <= 3; i++) {
      expect((await job.runBatch(ctx())).handled).toBe(1);
      expect(await only()).toMatchObject({ attempts: i, status: i < 3 ? 'failed' : 'dead' });
      await makeDue();
    }
    expect((await job.runBatch(ctx())).handled).toBe(0);
    expect(email.sent).toHaveLength(3);
    expect((await only()).lastError).toBe('fetch failed: connect ECONNREFUSED 127.0.0.1:25');
  });

  it('a permanent failure, an unknown template or a payload that does not fit is dead at once', async () => {
    const email = failing(() => new PermanentDeliveryError('Invalid phone number'));
    const job = createDeliveryJob({ transports: { email: email.transport, sms: email.transport } });
    await enqueueNotification(handle.db, reply({ causeKey: 'a' }));
    await enqueueNotification(handle.db, reply({ causeKey: 'b', templateKey: 'no_such_template' }));
    await enqueueNotification(handle.db, reply({ causeKey: 'c', payload: { customerName: 'Anna', link: 'javascript:alert(1)' } }));
    await job.runBatch(ctx());
    const byCause = Object.fromEntries((await handle.db.select().from(notifications)).map((r) => [r.causeKey, r]));
    expect(byCause.a).toMatchObject({ status: 'dead', attempts: 1, lastError: 'Invalid phone number' });
    expect(byCause.b).toMatchObject({ status: 'dead', lastError: 'Unknown template "no_such_template"' });
    expect(byCause.c.status).toBe('dead');
    expect(byCause.c.lastError).toMatch(/^Payload does not fit template "conversation_reply": .*excerpt.*link: an http\(s\) URL/);
    expect(email.sent).toHaveLength(1); // only the renderable one reached the transport
  });

  it('a crashed worker’s lease is taken over once it expires, and its late outcome is ignored', async () => {
    const email = fakeTransport((m) => `b-${m.id}`);
    const jobB = createDeliveryJob({ transports: { email: email.transport, sms: email.transport } });
    await enqueueNotification(handle.db, reply());
    const [claimed] = await claimDue(handle.db, 'worker-a', { batchSize: 10, leaseMs: 60_000 });
    expect(claimed).toMatchObject({ status: 'sending', lockedBy: 'worker-a', attempts: 1 });

    // While A's lease holds, B does not touch the row.
    expect((await jobB.runBatch(ctx('worker-b'))).handled).toBe(0);
    expect(email.sent).toHaveLength(0);

    // A "crashed": its lease runs out, B takes the row over and sends it.
    await handle.db.update(notifications).set({ lockedUntil: sql`now() - interval '1 second'` });
    expect((await jobB.runBatch(ctx('worker-b'))).handled).toBe(1);
    expect(await only()).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: `b-${claimed.id}` });

    // A comes back and tries to record its outcome: it no longer holds the row, nothing changes.
    expect(await markSent(handle.db, claimed.id, 'worker-a', { providerMessageId: 'a', content: { subject: 'x', text: 'x' } })).toBe(false);
    expect((await only()).providerMessageId).toBe(`b-${claimed.id}`);
  });

  it('release on shutdown hands the rows this worker still holds back, due at once', async () => {
    const email = fakeTransport();
    const jobA = createDeliveryJob({ transports: { email: email.transport, sms: email.transport } });
    const jobB = createDeliveryJob({ transports: { email: email.transport, sms: email.transport } });
    await enqueueNotification(handle.db, reply({ causeKey: 'mine' }));
    await enqueueNotification(handle.db, reply({ causeKey: 'other' }));
    const [mine, other] = await claimDue(handle.db, 'worker-a', { batchSize: 1, leaseMs: 60_000 }).then(async (a) => [
      a[0],
      (await claimDue(handle.db, 'worker-c', { batchSize: 1, leaseMs: 60_000 }))[0],
    ]);

    await jobA.release!(ctx('worker-a'));
    const after = Object.fromEntries((await handle.db.select().from(notifications)).map((r) => [r.id, r]));
    expect(after[mine.id]).toMatchObject({ status: 'failed', lockedBy: null, lockedUntil: null, attempts: 1 });
    expect(after[mine.id].lastError).toMatch(/shutdown/);
    expect(after[other.id]).toMatchObject({ status: 'sending', lockedBy: 'worker-c' }); // not A's to give back

    // Another instance retries it at once, without waiting for the lease.
    expect((await jobB.runBatch(ctx('worker-b'))).handled).toBe(1);
    expect(email.sent.map((m) => m.id)).toEqual([mine.id]);
  });

  it('in the runner: wakes on the enqueue’s commit, and a stop waits for a send in flight', async () => {
    let unblock = () => {};
    const blocked = new Promise<void>((resolve) => (unblock = resolve));
    const email = fakeTransport(async (m, n) => {
      if (n === 2) await blocked;
      return `id-${m.id}`;
    });
    const job = createDeliveryJob({ transports: { email: email.transport, sms: email.transport }, pollMs: 60_000 });
    const runner = await startJobs(handle, [job]);
    await handle.db.transaction((tx) => enqueueNotification(tx, reply({ causeKey: 'first' })));
    await eventually(async () => (await only()).status === 'sent', 5_000);

    await handle.db.transaction((tx) => enqueueNotification(tx, reply({ causeKey: 'second' })));
    await eventually(async () => email.sent.length === 2, 5_000);
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false); // the send in flight finishes first
    unblock();
    await stopping;
    const second = await handle.db.select().from(notifications).where(eq(notifications.causeKey, 'second'));
    expect(second[0]).toMatchObject({ status: 'sent', lockedBy: null });
  });
});
