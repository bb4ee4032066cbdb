/**
 * Password reset by email, on a real database: the link is mailed through the outbox (only the token's
 * hash is stored), works once and for 30 minutes, ends every session, and the request answers the same
 * whether or not the address has an account. The actions run through the security harness's mocks
 * (session, translator, database, headers), as the security suite calls them.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { emailVerificationTokens, notifications, users } from '@/db/schema';

vi.mock('@/lib/auth/session', async () => (await import('@/lib/security/harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('@/lib/security/harness')).authMock());
vi.mock('next-auth', async () => (await import('@/lib/security/harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('@/lib/security/harness')).translateMock());
vi.mock('@/lib/db', async () => (await import('@/lib/security/harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('@/lib/security/harness')).dbClientMock(await original<object>()));
vi.mock('next/headers', async () => (await import('@/lib/security/harness')).nextHeadersMock());

const { resetCaller, securityState, translator } = await import('@/lib/security/harness');
const { createTestDatabase } = await import('@/db/testing');
const { renderNotification } = await import('@/lib/notifications/templates');
const { createCustomerActor, createStaff, resetDatabase } = await import('@/lib/testing/fixtures');
const { requestPasswordResetAction, resetPasswordAction } = await import('./actions');
const { verifyCredentials } = await import('./mutations');
const { passwordResetLinkState, requestPasswordReset, resetPassword } = await import('./password-reset');
const { getSessionActor } = await import('./queries');
const { hashPassword } = await import('@/lib/auth/password');

let handle: DbHandle;
let db: Db;
const NOW = new Date('2026-05-01T10:00:00Z');
const MINUTE = 60_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  securityState.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  resetCaller();
});

/** Anna has an account with password "old password 1". */
async function anna() {
  const actor = await createCustomerActor(db, 'anna@example.com');
  await db.update(users).set({ passwordHash: await hashPassword('old password 1') }).where(eq(users.id, actor.userId));
  return actor;
}

const outbox = () => db.select().from(notifications).orderBy(notifications.createdAt);
const resetTokens = () => db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.purpose, 'password_reset'));

/** The token as the mail carries it. */
async function mailedToken(): Promise<string> {
  const rows = await outbox();
  const url = (rows.at(-1)!.payload as { resetUrl: string }).resetUrl;
  return new URL(url, 'http://shop.test').searchParams.get('token')!;
}

const signIn = (password: string) => verifyCredentials(db, { email: 'anna@example.com', password, address: '198.51.100.1' });
const call = async (run: Promise<unknown>) => {
  try {
    return await run;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return { redirected: digest.split(';')[2] };
    throw error;
  }
};

describe('requestPasswordReset', () => {
  it('mails a link through the outbox; only the token’s hash is stored, valid for 30 minutes', async () => {
    const actor = await anna();
    await requestPasswordReset(db, { email: 'anna@example.com', locale: 'en' }, NOW);

    const [token] = await resetTokens();
    const [mail] = await outbox();
    const raw = await mailedToken();
    expect(token).toMatchObject({ userId: actor.userId, email: 'anna@example.com', usedAt: null });
    expect(token.tokenHash).toBe(createHash('sha256').update(raw).digest('hex'));
    expect(new Date(token.expiresAt).getTime()).toBe(NOW.getTime() + 30 * MINUTE);
    expect(mail).toMatchObject({
      causeKey: `password-reset:${token.id}`,
      channel: 'email',
      recipient: 'anna@example.com',
      templateKey: 'password_reset',
      locale: 'en',
      payload: { name: actor.name, resetUrl: `/reset-password?token=${raw}`, expiresInMinutes: 30 },
      customerId: actor.customerId,
    });
    // The template accepts what is queued (a payload it refused would go dead, unsent).
    const rendered = await renderNotification(mail.templateKey, 'en', mail.payload, { db });
    expect(rendered.text).toContain(`/reset-password?token=${raw}`);
  });

  it('sends nothing for an unknown address, a staff account or a disabled one', async () => {
    await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    const disabled = await createCustomerActor(db, 'gone@example.com');
    await db.update(users).set({ disabled: true }).where(eq(users.id, disabled.userId));
    for (const email of ['nobody@example.com', 'admin@example.com', 'gone@example.com']) {
      await requestPasswordReset(db, { email, locale: 'nl' }, NOW);
    }
    expect(await resetTokens()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('the action answers the same whether or not the address has an account', async () => {
    await anna();
    const known = await requestPasswordResetAction({ email: 'Anna@Example.com ' });
    const unknown = await requestPasswordResetAction({ email: 'nobody@example.com' });
    const sent = (email: string) => ({ ok: true, message: translator('auth.forgotPassword.sent', { email }) });
    expect(known).toEqual(sent('anna@example.com'));
    expect(unknown).toEqual(sent('nobody@example.com'));
    expect((await outbox()).map((m) => m.recipient)).toEqual(['anna@example.com']);
  });

  it('the action is limited per email and per client address', async () => {
    await anna();
    for (let i = 0; i < 5; i++) expect(await requestPasswordResetAction({ email: 'anna@example.com' })).toMatchObject({ ok: true });
    expect(await requestPasswordResetAction({ email: 'anna@example.com' })).toEqual({
      ok: false,
      formError: translator('errors.tooManyRequests', { minutes: 60 }),
      values: { email: 'anna@example.com' },
    });
    expect(await outbox()).toHaveLength(5);
    // Other addresses from the same client: the per-address budget (10) runs out too.
    for (let i = 0; i < 5; i++) await requestPasswordResetAction({ email: `someone${i}@example.com` });
    expect(await requestPasswordResetAction({ email: 'new@example.com' })).toMatchObject({ ok: false });
  });
});

describe('resetPassword', () => {
  it('sets the new password, ends every session, and works once', async () => {
    const actor = await anna();
    await requestPasswordReset(db, { email: 'anna@example.com', locale: 'en' }, NOW);
    const token = await mailedToken();
    const session = { userId: actor.userId, sessionVersion: actor.sessionVersion };

    expect(await resetPassword(db, { token, password: 'new password 22' }, new Date(NOW.getTime() + 29 * MINUTE))).toBe('reset');

    expect(await getSessionActor(db, session)).toBeNull();
    expect(await signIn('old password 1')).toBeNull();
    expect(await signIn('new password 22')).toMatchObject({ userId: actor.userId });
    expect(await resetPassword(db, { token, password: 'third password 3' }, NOW)).toBe('used');
    expect(await signIn('new password 22')).toMatchObject({ userId: actor.userId });
  });

  it('refuses an expired link and an unknown one, and changes nothing', async () => {
    const actor = await anna();
    await requestPasswordReset(db, { email: 'anna@example.com', locale: 'en' }, NOW);
    const token = await mailedToken();
    const later = new Date(NOW.getTime() + 30 * MINUTE + 1);
    expect(await passwordResetLinkState(db, token, later)).toBe('expired');
    expect(await resetPassword(db, { token, password: 'new password 22' }, later)).toBe('expired');
    expect(await resetPassword(db, { token: 'x'.repeat(43), password: 'new password 22' }, NOW)).toBe('invalid');
    expect(await resetPassword(db, { token: 'not a token', password: 'new password 22' }, NOW)).toBe('invalid');
    expect(await signIn('old password 1')).toMatchObject({ userId: actor.userId });
    expect(await getSessionActor(db, { userId: actor.userId, sessionVersion: actor.sessionVersion })).not.toBeNull();
  });

  it('works once when used twice at the same moment, and retires the account’s other links', async () => {
    await anna();
    await requestPasswordReset(db, { email: 'anna@example.com', locale: 'en' }, NOW);
    const first = await mailedToken();
    await requestPasswordReset(db, { email: 'anna@example.com', locale: 'en' }, NOW);
    const second = await mailedToken();
    const results = await Promise.all([
      resetPassword(db, { token: first, password: 'new password 22' }, NOW),
      resetPassword(db, { token: first, password: 'other password 33' }, NOW),
    ]);
    expect(results.sort()).toEqual(['reset', 'used']);
    expect(await resetPassword(db, { token: second, password: 'third password 3' }, NOW)).toBe('used');
  });

  it('a link for an address the account no longer has proves nothing', async () => {
    const actor = await anna();
    await requestPasswordReset(db, { email: 'anna@example.com', locale: 'en' }, NOW);
    const token = await mailedToken();
    await db.update(users).set({ email: 'anna.new@example.com' }).where(eq(users.id, actor.userId));
    expect(await resetPassword(db, { token, password: 'new password 22' }, NOW)).toBe('invalid');
    expect(await getSessionActor(db, { userId: actor.userId, sessionVersion: actor.sessionVersion })).not.toBeNull();
  });

  it('the action requires a password by the sign-up rules, refuses a used link, and sends to sign-in', async () => {
    await anna();
    await requestPasswordReset(db, { email: 'anna@example.com', locale: 'en' });
    const token = await mailedToken();
    expect(await call(resetPasswordAction({ token, password: 'short', confirmPassword: 'short' }))).toMatchObject({
      ok: false,
      fieldErrors: { password: [translator('validation.tooShort', { min: 8 })] },
    });
    expect(await call(resetPasswordAction({ token, password: 'long enough 1', confirmPassword: 'long enough 2' }))).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: [translator('validation.passwordsDiffer')] },
    });
    expect(await call(resetPasswordAction({ token, password: 'long enough 1', confirmPassword: 'long enough 1' }))).toEqual({ redirected: '/sign-in?reset=done' });
    expect(await call(resetPasswordAction({ token, password: 'long enough 1', confirmPassword: 'long enough 1' }))).toEqual({
      ok: false,
      formError: translator('errors.resetLinkUsed'),
      values: { token },
    });
    expect(await signIn('long enough 1')).not.toBeNull();
  });
});
