import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { createCustomerActor, resetDatabase } from '@/lib/testing/fixtures';
import { revokeSessions } from './mutations';
import { getSessionActor } from './queries';

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(() => resetDatabase(db));

describe('revokeSessions (sign-out)', () => {
  it('makes every token issued before it useless at once, while a new sign-in works', async () => {
    const anna = await createCustomerActor(db, 'anna@example.com');
    const copiedToken = { userId: anna.userId, sessionVersion: anna.sessionVersion };
    expect(await getSessionActor(db, copiedToken)).toMatchObject({ userId: anna.userId });

    await revokeSessions(db, anna.userId);

    expect(await getSessionActor(db, copiedToken)).toBeNull();
    expect(await getSessionActor(db, { userId: anna.userId, sessionVersion: anna.sessionVersion + 1 })).toMatchObject({ userId: anna.userId });
  });

  it('touches only that account', async () => {
    const anna = await createCustomerActor(db, 'anna@example.com');
    const bob = await createCustomerActor(db, 'bob@example.com');
    await revokeSessions(db, anna.userId);
    expect(await getSessionActor(db, { userId: bob.userId, sessionVersion: bob.sessionVersion })).toMatchObject({ userId: bob.userId });
  });

  it('refuses a token without a session version', async () => {
    const anna = await createCustomerActor(db, 'anna@example.com');
    expect(await getSessionActor(db, { userId: anna.userId, sessionVersion: undefined })).toBeNull();
  });
});
