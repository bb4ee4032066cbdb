import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import { createLocation, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { setStaffDisabled, updateStaff } from './mutations';

// Real concurrency needs real connections: PostgreSQL only (PGlite has one connection).

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(() => resetDatabase(db));

const activeAdmins = async () => (await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false)))).length;
const outcome = (r: PromiseSettledResult<unknown>) => (r.status === 'fulfilled' ? 'done' : r.reason instanceof DomainError ? r.reason.code : String(r.reason));

describe('[POSTGRES] the last active admin under concurrency', () => {
  it('two admins deactivating each other at the same moment: one wins, one admin stays', async () => {
    for (let round = 0; round < 5; round++) {
      await resetDatabase(db);
      const a = await createStaff(db, { role: 'admin', email: 'a@example.com' });
      const b = await createStaff(db, { role: 'admin', email: 'b@example.com' });
      const results = await Promise.allSettled([
        setStaffDisabled(db, { userId: b.userId, disabled: true }, a),
        setStaffDisabled(db, { userId: a.userId, disabled: true }, b),
      ]);
      expect(results.map(outcome).sort()).toEqual(['done', 'forbidden']);
      expect(await activeAdmins()).toBe(1);
    }
  });

  it('two admins demoting each other at the same moment: one wins, one admin stays', async () => {
    const store = await createLocation(db, { code: 'AMS', kind: 'store' });
    const a = await createStaff(db, { role: 'admin', email: 'a@example.com' });
    const b = await createStaff(db, { role: 'admin', email: 'b@example.com' });
    const results = await Promise.allSettled([
      updateStaff(db, { userId: b.userId, role: 'clerk', storeId: store.id }, a),
      updateStaff(db, { userId: a.userId, role: 'clerk', storeId: store.id }, b),
    ]);
    expect(results.map(outcome).sort()).toEqual(['done', 'forbidden']);
    expect(await activeAdmins()).toBe(1);
  });
});
