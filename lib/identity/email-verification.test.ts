import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, type Db, type DbHandle } from '@/db/client';
import { carts, conversationMessages, conversationThreads, customers, emailVerificationTokens, notifications } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { listOrdersForCustomer } from '@/lib/orders/queries';
import { createLocation, resetDatabase } from '@/lib/testing/fixtures';
import { VERIFICATION_TTL_MS, verifyEmailToken } from './email-verification';
import { registerCustomer } from './mutations';
import { MERGED_CUSTOMER_REFERENCES } from './profile-merge';
import { getCustomerProfile } from './profile-queries';
import { addOrder, counterProfile, signUpInput, tokenRows, userRow } from './test-helpers';

let handle: DbHandle;
let db: Db;
let locationId: number;
const NOW = new Date('2026-05-01T10:00:00Z');
const EMAIL = 'maria@example.com';

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  locationId = (await createLocation(db, { code: 'AMS', kind: 'store' })).id;
});

/** Maria has a counter profile with two orders; a newcomer signs up with her address. */
async function signUpOverProfile() {
  const existing = await counterProfile(db, { email: EMAIL, locationId });
  const { actor, verificationToken } = await registerCustomer(db, signUpInput(EMAIL), NOW);
  return { existing, actor, token: verificationToken, fresh: actor.customerId! };
}

describe('verifyEmailToken', () => {
  it('claims the profile with that email: its history moves to the account, the empty one is gone', async () => {
    const { existing, actor, token, fresh } = await signUpOverProfile();
    await addOrder(db, { customerId: fresh, locationId, number: 'W-1' }); // bought before confirming
    await db.insert(carts).values({ channel: 'web', customerId: fresh });

    expect(await verifyEmailToken(db, token, { userId: actor.userId }, NOW)).toBe('claimed');

    const user = await userRow(db, actor.userId);
    expect(user.customerId).toBe(existing.id);
    expect(user.emailVerifiedAt).not.toBeNull();
    expect((await listOrdersForCustomer(db, existing.id)).map((o) => o.number).sort()).toEqual(['S-1', 'S-2', 'W-1']);
    expect(await db.select({ id: carts.id }).from(carts).where(eq(carts.customerId, existing.id))).toHaveLength(1);
    expect(await db.select().from(customers).where(eq(customers.id, fresh))).toEqual([]);
    expect(await getCustomerProfile(db, existing.id)).toMatchObject({ email: EMAIL, phone: '+31612345678', loyaltyCardNumber: 'LC-0001' });
  });

  it('keeps the new profile’s messages and notifications when merging', async () => {
    const { existing, actor, token, fresh } = await signUpOverProfile();
    const [older] = await db.insert(conversationThreads).values({ customerId: existing.id, status: 'closed', lastMessageAt: new Date('2026-04-01T10:00:00Z') }).returning();
    const [newer] = await db.insert(conversationThreads).values({ customerId: fresh, lastMessageAt: NOW }).returning();
    await db.insert(conversationMessages).values([
      { threadId: older.id, channel: 'in_store_note', author: 'staff', body: 'Asked about running shoes' },
      { threadId: newer.id, channel: 'web_chat', author: 'customer', body: 'Where is my order?' },
    ]);
    await db.insert(notifications).values({ causeKey: 'order:W-1', channel: 'email', recipient: EMAIL, templateKey: 'order.placed', locale: 'en', payload: {}, customerId: fresh });

    expect(await verifyEmailToken(db, token, { userId: actor.userId }, NOW)).toBe('claimed');

    const threads = await db.select().from(conversationThreads);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ id: older.id, customerId: existing.id, status: 'open' });
    expect(new Date(threads[0].lastMessageAt).getTime()).toBe(NOW.getTime());
    const bodies = await db.select({ body: conversationMessages.body }).from(conversationMessages).where(eq(conversationMessages.threadId, older.id)).orderBy(asc(conversationMessages.id));
    expect(bodies.map((m) => m.body)).toEqual(['Asked about running shoes', 'Where is my order?']);
    // The order's mail and the sign-up's verification mail both follow the history.
    const mails = await db.select({ causeKey: notifications.causeKey, customerId: notifications.customerId }).from(notifications).orderBy(asc(notifications.causeKey));
    expect(mails).toEqual([
      { causeKey: 'order:W-1', customerId: existing.id },
      { causeKey: expect.stringMatching(/^verify-email:\d+$/), customerId: existing.id },
    ]);
  });

  it('without an existing profile, gives the account’s own profile the proven email', async () => {
    const { actor, verificationToken } = await registerCustomer(db, signUpInput(EMAIL), NOW);
    expect(await verifyEmailToken(db, verificationToken, { userId: actor.userId }, NOW)).toBe('verified');
    expect((await getCustomerProfile(db, actor.customerId!))?.email).toBe(EMAIL);
    expect((await userRow(db, actor.userId)).emailVerifiedAt).not.toBeNull();
  });

  it('works once: a second use, also at the same moment, is refused', async () => {
    const { actor, token } = await signUpOverProfile();
    const both = await Promise.all([
      verifyEmailToken(db, token, { userId: actor.userId }, NOW),
      verifyEmailToken(db, token, { userId: actor.userId }, NOW),
    ]);
    expect(both.sort()).toEqual(['claimed', 'used']);
    expect(await verifyEmailToken(db, token, { userId: actor.userId }, NOW)).toBe('used');
  });

  it('refuses an expired token and changes nothing', async () => {
    const { existing, actor, token } = await signUpOverProfile();
    const later = new Date(NOW.getTime() + VERIFICATION_TTL_MS + 1);
    expect(await verifyEmailToken(db, token, { userId: actor.userId }, later)).toBe('expired');
    const user = await userRow(db, actor.userId);
    expect(user.customerId).toBe(actor.customerId);
    expect(user.emailVerifiedAt).toBeNull();
    expect(await listOrdersForCustomer(db, actor.customerId!)).toEqual([]);
    expect(await listOrdersForCustomer(db, existing.id)).toHaveLength(2);
  });

  it('refuses unknown and malformed tokens', async () => {
    const { actor } = await signUpOverProfile();
    expect(await verifyEmailToken(db, 'A'.repeat(43), { userId: actor.userId }, NOW)).toBe('invalid');
    expect(await verifyEmailToken(db, "x' or 1=1 --", { userId: actor.userId }, NOW)).toBe('invalid');
    expect((await userRow(db, actor.userId)).customerId).toBe(actor.customerId);
  });

  it('never consumes nor cancels a password-reset token', async () => {
    const { actor, token } = await signUpOverProfile();
    const raw = 'R'.repeat(43);
    await db.insert(emailVerificationTokens).values({
      userId: actor.userId,
      email: EMAIL,
      purpose: 'password_reset',
      tokenHash: createHash('sha256').update(raw).digest('hex'),
      expiresAt: new Date(NOW.getTime() + 60_000),
    });
    expect(await verifyEmailToken(db, raw, { userId: actor.userId }, NOW)).toBe('invalid');
    expect(await verifyEmailToken(db, token, { userId: actor.userId }, NOW)).toBe('claimed');
    const reset = (await tokenRows(db, actor.userId)).find((r) => r.purpose === 'password_reset');
    expect(reset?.usedAt).toBeNull();
  });

  it('only works for the account that asked for it, and is not used up by anyone else', async () => {
    const { actor, token } = await signUpOverProfile();
    const other = await registerCustomer(db, signUpInput('someone@example.com'), NOW);
    expect(await verifyEmailToken(db, token, { userId: other.actor.userId }, NOW)).toBe('wrongAccount');
    expect((await userRow(db, other.actor.userId)).customerId).toBe(other.actor.customerId);
    expect(await verifyEmailToken(db, token, { userId: actor.userId }, NOW)).toBe('claimed');
  });

  it('never takes a profile that another account already owns', async () => {
    const { actor: owner } = await registerCustomer(db, signUpInput('owner@example.com'), NOW);
    // The owner's profile carries an address that a second person then signs up with.
    await db.update(customers).set({ email: EMAIL }).where(eq(customers.id, owner.customerId!));
    const { actor, verificationToken } = await registerCustomer(db, signUpInput(EMAIL), NOW);
    expect(await verifyEmailToken(db, verificationToken, { userId: actor.userId }, NOW)).toBe('verified');
    expect((await userRow(db, actor.userId)).customerId).toBe(actor.customerId);
    expect((await userRow(db, owner.userId)).customerId).toBe(owner.customerId);
  });

  it('merges every table that references customers (a new one must be added to mergeProfileInto)', async () => {
    const referencing = rowsOf<{ table_name: string }>(
      await db.execute(sql`
        select distinct tc.table_name
        from information_schema.table_constraints tc
        join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
        where tc.constraint_type = 'FOREIGN KEY' and ccu.table_name = 'customers' and tc.table_name <> 'customers'`),
    ).map((r) => r.table_name);
    expect(referencing.sort()).toEqual([...MERGED_CUSTOMER_REFERENCES].sort());
  });
});
