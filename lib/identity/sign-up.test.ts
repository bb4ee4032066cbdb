import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle, DbOrTx } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { listOrdersForCustomer } from '@/lib/orders/queries';
import { createLocation, resetDatabase } from '@/lib/testing/fixtures';
import { VERIFICATION_TTL_MS } from './email-verification';
import { registerCustomer } from './mutations';
import { signUpSchema } from './schemas';
import { getCustomerProfile } from './profile-queries';
import { counterProfile, signUpInput, tokenRows, userRow } from './test-helpers';

// Records whether bcrypt was asked to hash while a transaction of registerCustomer was open.
const hashing = vi.hoisted(() => ({ insideTransaction: [] as boolean[], inTx: false }));
vi.mock('@/lib/auth/password', async (original) => {
  const real = await original<typeof import('@/lib/auth/password')>();
  return {
    ...real,
    hashPassword: async (password: string) => {
      hashing.insideTransaction.push(hashing.inTx);
      return real.hashPassword(password);
    },
  };
});

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
  hashing.insideTransaction = [];
});

describe('registerCustomer', () => {
  it('gives an account for the email of a profile with orders a profile of its own, empty', async () => {
    const existing = await counterProfile(db, { email: EMAIL, locationId });
    const { actor, purpose } = await registerCustomer(db, signUpInput(EMAIL), NOW);

    expect(actor.customerId).not.toBe(existing.id);
    // What the account page reads (by the actor's customer id): nothing of Maria's.
    expect(await listOrdersForCustomer(db, actor.customerId!)).toEqual([]);
    expect(await getCustomerProfile(db, actor.customerId!)).toEqual({ name: 'Newcomer', email: null, phone: null, loyaltyCardNumber: expect.stringMatching(/^29\d{11}$/), preferredStore: null });
    // Its own new card number: not the counter profile's (that one moves with the claim, if ever).
    expect(purpose).toBe('claim_profile');
    // The counter's profile is untouched and still nobody's.
    expect(await listOrdersForCustomer(db, existing.id)).toHaveLength(2);
    expect(await db.select().from(users).where(eq(users.customerId, existing.id))).toEqual([]);
  });

  it('stores only a hash of the verification token, valid for 24 hours', async () => {
    const { actor, verificationToken, purpose } = await registerCustomer(db, signUpInput(EMAIL), NOW);
    const [row] = await tokenRows(db, actor.userId);
    expect(purpose).toBe('verify_email');
    expect(verificationToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.tokenHash).toBe(createHash('sha256').update(verificationToken).digest('hex'));
    expect(row).toMatchObject({ email: EMAIL, purpose: 'verify_email', usedAt: null });
    expect(new Date(row.expiresAt).getTime()).toBe(NOW.getTime() + VERIFICATION_TTL_MS);
    expect((await userRow(db, actor.userId)).emailVerifiedAt).toBeNull();
    // Until proven, the address is on the account only, not on a profile anything could link to.
    expect((await getCustomerProfile(db, actor.customerId!))?.email).toBeNull();
  });

  it('refuses an email that already has an account, also when two sign up at once', async () => {
    const results = await Promise.allSettled([registerCustomer(db, signUpInput(EMAIL)), registerCustomer(db, signUpInput(EMAIL))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'emailTaken', field: 'email' } });
    await expect(registerCustomer(db, signUpInput(EMAIL))).rejects.toMatchObject({ code: 'emailTaken', field: 'email' });
  });

  it('hashes the password before its transaction, not while holding locks', async () => {
    const watched = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (fn: (tx: DbOrTx) => Promise<unknown>) =>
          target.transaction(async (tx) => {
            hashing.inTx = true;
            try {
              return await fn(tx);
            } finally {
              hashing.inTx = false;
            }
          });
      },
    });
    await registerCustomer(watched, signUpInput(EMAIL));
    expect(hashing.insideTransaction).toEqual([false]);
  });

  it('queues the verification mail in its transaction, in the language of the sign-up', async () => {
    const { actor, verificationToken } = await registerCustomer(db, { ...signUpInput(EMAIL), locale: 'en' }, NOW);
    const [token] = await tokenRows(db, actor.userId);
    expect(await db.select().from(notifications)).toEqual([
      expect.objectContaining({
        causeKey: `verify-email:${token.id}`,
        channel: 'email',
        recipient: EMAIL,
        templateKey: 'verify_email',
        locale: 'en',
        payload: { name: 'Newcomer', link: `/verify-email?token=${verificationToken}`, claim: false },
        customerId: actor.customerId,
        status: 'pending',
      }),
    ]);
    expect((await userRow(db, actor.userId)).locale).toBe('en');
  });

  it('tells the mail that confirming brings an existing profile’s history along', async () => {
    await counterProfile(db, { email: EMAIL, locationId });
    await registerCustomer(db, signUpInput(EMAIL), NOW);
    const [mail] = await db.select().from(notifications);
    expect(mail).toMatchObject({ templateKey: 'verify_email', locale: 'nl', payload: { claim: true } });
  });

  it('leaves no mail when the sign-up does not commit', async () => {
    // The same transaction: rolled back after registerCustomer's work, nothing of it remains.
    const rollingBack = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (fn: (tx: DbOrTx) => Promise<unknown>) =>
          target.transaction(async (tx) => {
            await fn(tx);
            throw new Error('rolled back on purpose');
          });
      },
    });
    await expect(registerCustomer(rollingBack, signUpInput(EMAIL), NOW)).rejects.toThrow('rolled back on purpose');
    expect(await db.select().from(notifications)).toEqual([]);
    expect(await db.select().from(users)).toEqual([]);
    // Two sign-ups at once with one address: one account, one mail.
    await Promise.allSettled([registerCustomer(db, signUpInput(EMAIL)), registerCustomer(db, signUpInput(EMAIL))]);
    expect(await db.select().from(notifications)).toHaveLength(1);
  });

  it('refuses a name with a lone UTF-16 surrogate: it cannot go into the verification mail’s JSON payload', () => {
    const result = signUpSchema.safeParse({ ...signUpInput(EMAIL), name: 'Eve\ud800' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ path: ['name'], message: 'validation.invalid' }]);
    expect(signUpSchema.safeParse({ ...signUpInput(EMAIL), name: 'Zoë 😀' }).success).toBe(true);
  });
});
