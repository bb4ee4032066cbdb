import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { notifications, type NotificationStatus } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { jobChannel } from '@/lib/jobs/runner';
import { retryNotification } from './mutations';
import { DELIVERY_JOB } from './outbox';
import { countOutboxByStatus, getOutboxMessage, listOutbox } from './queries';
import { outboxFilterSchema } from './schemas';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
}, 120_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await handle.db.delete(notifications);
});

const admin: Actor = { userId: 1, role: 'admin', email: 'a@example.com', name: 'Admin', locationId: null, customerId: null, sessionVersion: 0 };
const clerk: Actor = { ...admin, role: 'clerk', locationId: 1 };

/** A row in a given state, created `minutesAgo` minutes ago. */
async function row(status: NotificationStatus, minutesAgo: number, channel: 'email' | 'sms' = 'email') {
  const [r] = await handle.db
    .insert(notifications)
    .values({
      causeKey: `cause:${status}:${minutesAgo}:${channel}`,
      channel,
      recipient: channel === 'email' ? `m${minutesAgo}@example.com` : '+31612345678',
      templateKey: 'password_reset',
      locale: 'en',
      payload: {},
      status,
      attempts: status === 'pending' ? 0 : 3,
      lastError: status === 'failed' || status === 'dead' ? 'boom' : null,
      createdAt: sql`now() - make_interval(mins => ${minutesAgo}::int)`,
    })
    .returning();
  return r;
}

describe('admin outbox', () => {
  it('lists newest first, filters by status and channel, pages, and counts per status', async () => {
    await row('sent', 30);
    await row('dead', 20);
    await row('failed', 10, 'sms');
    await row('pending', 1);
    const all = await listOutbox(handle.db, admin, outboxFilterSchema.parse({}));
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.status)).toEqual(['pending', 'failed', 'dead', 'sent']);

    expect((await listOutbox(handle.db, admin, { status: 'dead', page: 1 })).rows.map((r) => r.status)).toEqual(['dead']);
    expect((await listOutbox(handle.db, admin, { channel: 'sms', page: 1 })).rows.map((r) => r.recipient)).toEqual(['+31612345678']);
    const page2 = await listOutbox(handle.db, admin, { page: 2 }, 3);
    expect(page2).toMatchObject({ total: 4, rows: [expect.objectContaining({ status: 'sent' })] });
    expect(await countOutboxByStatus(handle.db, admin)).toEqual({ pending: 1, sending: 0, sent: 1, failed: 1, dead: 1 });
  });

  it('reads filters from the URL leniently: unknown values mean all, a bad page is 1', () => {
    expect(outboxFilterSchema.parse({ status: 'dead', channel: 'sms', page: '3' })).toEqual({ status: 'dead', channel: 'sms', page: 3 });
    expect(outboxFilterSchema.parse({ status: 'bogus', channel: '', page: '1e3' })).toEqual({ status: undefined, channel: undefined, page: 1 });
  });

  it('only admins read it; a missing or malformed id is null', async () => {
    await expect(listOutbox(handle.db, clerk, { page: 1 })).rejects.toEqual(new DomainError('forbidden'));
    await expect(getOutboxMessage(handle.db, clerk, '00000000-0000-4000-8000-000000000000')).rejects.toEqual(new DomainError('forbidden'));
    expect(await getOutboxMessage(handle.db, admin, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await getOutboxMessage(handle.db, admin, "1' or '1'='1")).toBeNull();
  });

  it('retry puts a failed or dead message back in the queue, due now, and wakes the delivery job on commit', async () => {
    const dead = await row('dead', 5);
    await handle.db.update(notifications).set({ nextAttemptAt: sql`now() + interval '1 hour'` });
    const woken: string[] = [];
    const unlisten = await handle.listen(jobChannel(DELIVERY_JOB), (p) => woken.push(p));
    try {
      await retryNotification(handle.db, dead.id, admin);
      const until = Date.now() + 5_000;
      while (woken.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await unlisten();
    }
    const [after] = await handle.db.select().from(notifications).where(eq(notifications.id, dead.id));
    expect(after).toMatchObject({ status: 'pending', attempts: 0, lastError: 'boom' });
    expect(after.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(woken).toHaveLength(1);
  });

  it('retry refuses sent or in-flight messages, unknown ids and non-admins', async () => {
    const sent = await row('sent', 5);
    const sending = await row('sending', 4);
    await expect(retryNotification(handle.db, sent.id, admin)).rejects.toEqual(new DomainError('notificationNotRetryable'));
    await expect(retryNotification(handle.db, sending.id, admin)).rejects.toEqual(new DomainError('notificationNotRetryable'));
    await expect(retryNotification(handle.db, '00000000-0000-4000-8000-000000000000', admin)).rejects.toEqual(new DomainError('notFound'));
    const failed = await row('failed', 3);
    await expect(retryNotification(handle.db, failed.id, clerk)).rejects.toEqual(new DomainError('forbidden'));
    const statuses = (await handle.db.select().from(notifications)).map((r) => r.status).sort();
    expect(statuses).toEqual(['failed', 'sending', 'sent']);
  });
});
