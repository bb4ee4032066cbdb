/**
 * Staff accounts on a real database: an admin creates a clerk (who gets a one-time link by email and
 * chooses their own password), changes role and store, resets a password, deactivates and reactivates.
 * Every change that matters for access bumps session_version (open sessions end at once), the last
 * active admin and the admin themselves are protected, and each write leaves its audit row.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { auditLog, notifications, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getSessionActor } from '@/lib/identity/queries';
import { verifyCredentials } from '@/lib/identity/mutations';
import { resetPassword } from '@/lib/identity/password-reset';
import { createLocation, createStaff as createStaffRow, resetDatabase } from '@/lib/testing/fixtures';
import { createStaff, resetStaffPassword, setStaffDisabled, updateStaff } from './mutations';
import { getStaffMember, listStaff } from './queries';

let handle: DbHandle;
let db: Db;
let admin: Actor;
let storeA: number;
let storeB: number;
let warehouse: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  storeA = (await createLocation(db, { code: 'AMS', kind: 'store' })).id;
  storeB = (await createLocation(db, { code: 'UTR', kind: 'store' })).id;
  warehouse = (await createLocation(db, { code: 'WH', kind: 'warehouse' })).id;
  admin = await createStaffRow(db, { role: 'admin', email: 'boss@example.com' });
});

const user = async (id: number) => (await db.select().from(users).where(eq(users.id, id)))[0];
const audits = () => db.select().from(auditLog).orderBy(auditLog.id);
/** The token in the last mail's link. */
async function mailedToken(): Promise<{ template: string; token: string; recipient: string }> {
  const rows = await db.select().from(notifications).orderBy(notifications.createdAt);
  const last = rows.at(-1)!;
  const url = (last.payload as { resetUrl: string }).resetUrl;
  return { template: last.templateKey, recipient: last.recipient, token: new URL(url, 'http://shop.test').searchParams.get('token')! };
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'succeeded',
    (e: unknown) => (e instanceof DomainError ? e.code : Promise.reject(e)),
  );
const newClerk = (email = 'Sam@Example.com ') => createStaff(db, { name: 'Sam', email: email.trim().toLowerCase(), role: 'clerk', storeId: storeA }, admin, { locale: 'en' });

describe('createStaff', () => {
  it('creates a clerk at a store, mails a one-time link through the outbox, and audits it', async () => {
    const { userId } = await newClerk();
    const row = await user(userId);
    expect(row).toMatchObject({ email: 'sam@example.com', role: 'clerk', locationId: storeA, disabled: false });
    const mail = await mailedToken();
    expect(mail).toMatchObject({ template: 'staff_invite', recipient: 'sam@example.com' });

    // Nobody knows the password until Sam chooses one with the link, which works once.
    expect(await verifyCredentials(db, { email: 'sam@example.com', password: 'x', address: '198.51.100.9' })).toBeNull();
    expect(await resetPassword(db, { token: mail.token, password: 'sams own password' })).toBe('reset');
    expect(await resetPassword(db, { token: mail.token, password: 'another password' })).toBe('used');
    expect(await verifyCredentials(db, { email: 'sam@example.com', password: 'sams own password', address: '198.51.100.9' })).toMatchObject({ userId, role: 'clerk' });

    const [entry] = await audits();
    expect(entry).toMatchObject({ action: 'staff.created', entityType: 'user', entityId: String(userId), actorUserId: admin.userId, actorRole: 'admin' });
    expect(entry.after).toEqual({ role: 'clerk', storeId: storeA, disabled: false });
    expect(JSON.stringify(entry)).not.toContain('sam@example.com');
  });

  it('refuses a taken email, a clerk without a store or at the warehouse, and writes nothing', async () => {
    await newClerk();
    const before = { users: (await db.select().from(users)).length, audits: (await audits()).length };
    expect(await refusal(newClerk('sam@example.com'))).toBe('staff.emailTaken');
    expect(await refusal(createStaff(db, { name: 'X', email: 'x@example.com', role: 'clerk' }, admin, { locale: 'en' }))).toBe('staff.storeRequired');
    expect(await refusal(createStaff(db, { name: 'X', email: 'x@example.com', role: 'clerk', storeId: warehouse }, admin, { locale: 'en' }))).toBe(
      'staff.storeUnknown',
    );
    expect({ users: (await db.select().from(users)).length, audits: (await audits()).length }).toEqual(before);
  });

  it('gives an admin no store, whatever the form sent', async () => {
    const { userId } = await createStaff(db, { name: 'Ada', email: 'ada@example.com', role: 'admin', storeId: storeA }, admin, { locale: 'nl' });
    expect(await user(userId)).toMatchObject({ role: 'admin', locationId: null });
  });

  it('is for admins only', async () => {
    const clerk = await createStaffRow(db, { role: 'clerk', email: 'c@example.com', locationId: storeA });
    expect(await refusal(createStaff(db, { name: 'X', email: 'x@example.com', role: 'admin' }, clerk, { locale: 'en' }))).toBe('forbidden');
    expect(await refusal(listStaff(db, clerk))).toBe('forbidden');
  });
});

describe('updateStaff', () => {
  it('moves a clerk to another store and ends their sessions at once; audited before → after', async () => {
    const { userId } = await newClerk();
    const session = { userId, sessionVersion: (await user(userId)).sessionVersion };
    expect(await getSessionActor(db, session)).not.toBeNull();

    expect(await updateStaff(db, { userId, role: 'clerk', storeId: storeB }, admin)).toEqual({ changed: true });
    expect(await user(userId)).toMatchObject({ locationId: storeB, sessionVersion: session.sessionVersion + 1 });
    expect(await getSessionActor(db, session)).toBeNull();
    const entry = (await audits()).at(-1)!;
    expect(entry).toMatchObject({ action: 'staff.updated', entityId: String(userId) });
    expect(entry.before).toEqual({ role: 'clerk', storeId: storeA, disabled: false });
    expect(entry.after).toEqual({ role: 'clerk', storeId: storeB, disabled: false });
  });

  it('promotes a clerk to admin (no store) and writes nothing when nothing changes', async () => {
    const { userId } = await newClerk();
    await updateStaff(db, { userId, role: 'admin' }, admin);
    expect(await user(userId)).toMatchObject({ role: 'admin', locationId: null });
    const count = (await audits()).length;
    const version = (await user(userId)).sessionVersion;
    expect(await updateStaff(db, { userId, role: 'admin' }, admin)).toEqual({ changed: false });
    expect((await audits()).length).toBe(count);
    expect((await user(userId)).sessionVersion).toBe(version);
  });

  it('refuses an admin demoting themselves, and the demotion of the last active admin', async () => {
    expect(await refusal(updateStaff(db, { userId: admin.userId, role: 'clerk', storeId: storeA }, admin))).toBe('staff.cannotDemoteSelf');
    const other = await createStaffRow(db, { role: 'admin', email: 'other@example.com' });
    // The other admin may demote the first while two are active…
    expect(await updateStaff(db, { userId: admin.userId, role: 'clerk', storeId: storeA }, other)).toEqual({ changed: true });
    // …and the demoted one can no longer act as an admin.
    expect(await refusal(updateStaff(db, { userId: other.userId, role: 'clerk', storeId: storeA }, admin))).toBe('forbidden');
    expect(await user(other.userId)).toMatchObject({ role: 'admin' });
  });

  it('never touches a customer account', async () => {
    const [customer] = await db.insert(users).values({ email: 'shopper@example.com', name: 'S', passwordHash: 'x' }).returning();
    expect(await refusal(updateStaff(db, { userId: customer.id, role: 'admin' }, admin))).toBe('notFound');
    expect(await getStaffMember(db, admin, customer.id)).toBeNull();
  });
});

describe('setStaffDisabled', () => {
  it('deactivates a clerk: sessions end at once, open links stop working, sign-in refused; reactivates', async () => {
    const { userId } = await newClerk();
    const { token } = await mailedToken();
    const session = { userId, sessionVersion: (await user(userId)).sessionVersion };

    expect(await setStaffDisabled(db, { userId, disabled: true }, admin)).toEqual({ changed: true });
    expect(await getSessionActor(db, session)).toBeNull();
    expect(await user(userId)).toMatchObject({ disabled: true, sessionVersion: session.sessionVersion + 1 });
    expect(await resetPassword(db, { token, password: 'too late now' })).toBe('used');

    expect(await setStaffDisabled(db, { userId, disabled: false }, admin)).toEqual({ changed: true });
    expect((await user(userId)).disabled).toBe(false);
    const [, deactivated, reactivated] = await audits();
    expect(deactivated).toMatchObject({ action: 'staff.deactivated', before: { disabled: false }, after: { disabled: true } });
    expect(reactivated).toMatchObject({ action: 'staff.reactivated', before: { disabled: true }, after: { disabled: false } });
    expect(deactivated.before).toEqual({ role: 'clerk', storeId: storeA, disabled: false });
  });

  it('refuses self-deactivation and leaving no active admin; the list shows who is left', async () => {
    expect(await refusal(setStaffDisabled(db, { userId: admin.userId, disabled: true }, admin))).toBe('staff.cannotDeactivateSelf');
    const other = await createStaffRow(db, { role: 'admin', email: 'other@example.com' });
    await setStaffDisabled(db, { userId: other.userId, disabled: true }, admin);
    // The deactivated admin's session is gone; as an actor it is refused too.
    expect(await refusal(setStaffDisabled(db, { userId: admin.userId, disabled: true }, other))).toBe('forbidden');
    expect((await user(admin.userId)).disabled).toBe(false);
    const list = await listStaff(db, admin);
    expect(list.map((s) => [s.email, s.disabled])).toEqual([
      ['boss@example.com', false],
      ['other@example.com', true],
    ]);
    expect((await audits()).map((a) => a.action)).toEqual(['staff.deactivated']);
  });
});

describe('resetStaffPassword', () => {
  it('voids the old password and sessions, mails a new link (the old link stops working), audited', async () => {
    const { userId } = await newClerk();
    const first = await mailedToken();
    await resetPassword(db, { token: first.token, password: 'first password' });
    const session = { userId, sessionVersion: (await user(userId)).sessionVersion };

    await resetStaffPassword(db, { userId }, admin, { locale: 'en' });
    expect(await getSessionActor(db, session)).toBeNull();
    expect(await verifyCredentials(db, { email: 'sam@example.com', password: 'first password', address: '198.51.100.9' })).toBeNull();
    const second = await mailedToken();
    expect(second.template).toBe('password_reset');
    expect(await resetPassword(db, { token: second.token, password: 'second password' })).toBe('reset');
    const entry = (await audits()).at(-1)!;
    expect(entry).toMatchObject({ action: 'staff.password_reset', entityId: String(userId) });
    expect(JSON.stringify(entry)).not.toMatch(/first password|second password/);
  });

  it('refuses a deactivated account', async () => {
    const { userId } = await newClerk();
    await setStaffDisabled(db, { userId, disabled: true }, admin);
    expect(await refusal(resetStaffPassword(db, { userId }, admin, { locale: 'en' }))).toBe('staff.disabled');
  });
});
