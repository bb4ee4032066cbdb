/**
 * "Send again" of the verification mail (account page): a new link through the outbox while the address
 * is not confirmed, nothing once it is; limited per account. The action runs through the security
 * harness's mocks, as the security suite calls it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { notifications, users } from '@/db/schema';

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
const { createLocation, resetDatabase } = await import('@/lib/testing/fixtures');
const { resendVerificationAction } = await import('./actions');
const { verifyEmailToken } = await import('./email-verification');
const { registerCustomer } = await import('./mutations');
const { isEmailVerified } = await import('./queries');
const { counterProfile, signUpInput } = await import('./test-helpers');
const { resendEmailVerification } = await import('./verification-mail');

let handle: DbHandle;
let db: Db;
const EMAIL = 'maria@example.com';

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

const mails = () => db.select().from(notifications).orderBy(notifications.createdAt);
const tokenOf = (mail: { payload: unknown }) => new URL((mail.payload as { link: string }).link, 'http://shop.test').searchParams.get('token')!;

describe('resendEmailVerification', () => {
  it('mails a new link that works, while the address is not confirmed; then nothing', async () => {
    const { actor } = await registerCustomer(db, signUpInput(EMAIL));
    expect(await resendEmailVerification(db, { userId: actor.userId, locale: 'en' })).toBe('sent');
    const [first, again] = await mails();
    expect(again).toMatchObject({ templateKey: 'verify_email', recipient: EMAIL, locale: 'en', payload: { name: 'Newcomer', claim: false } });
    expect(again.causeKey).not.toBe(first.causeKey);
    const rendered = await renderNotification(again.templateKey, 'en', again.payload, { db });
    expect(rendered.subject).toBe('Confirm your email address');

    expect(await verifyEmailToken(db, tokenOf(again), { userId: actor.userId })).toBe('verified');
    expect(await isEmailVerified(db, actor.userId)).toBe(true);
    expect(await resendEmailVerification(db, { userId: actor.userId, locale: 'en' })).toBe('alreadyVerified');
    expect(await mails()).toHaveLength(2);
  });

  it('asks to claim again when another profile has the address', async () => {
    const locationId = (await createLocation(db, { code: 'AMS', kind: 'store' })).id;
    await counterProfile(db, { email: EMAIL, locationId });
    const { actor } = await registerCustomer(db, signUpInput(EMAIL));
    await resendEmailVerification(db, { userId: actor.userId, locale: 'nl' });
    const again = (await mails()).at(-1)!;
    expect(again.payload).toMatchObject({ claim: true });
    expect(await verifyEmailToken(db, tokenOf(again), { userId: actor.userId })).toBe('claimed');
  });
});

describe('resendVerificationAction', () => {
  it('sends for the signed-in account only, and at most 3 times an hour', async () => {
    const { actor } = await registerCustomer(db, signUpInput(EMAIL));
    securityState.actor = actor;
    const sent = { ok: true, message: translator('shop.account.verify.sent', { email: EMAIL }) };
    for (let i = 0; i < 3; i++) expect(await resendVerificationAction({})).toEqual(sent);
    expect(await resendVerificationAction({})).toEqual({ ok: false, formError: translator('errors.tooManyRequests', { minutes: 60 }), values: {} });
    expect((await mails()).map((m) => m.recipient)).toEqual([EMAIL, EMAIL, EMAIL, EMAIL]);

    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, actor.userId));
    resetCaller();
    expect(await resendVerificationAction({})).toEqual({ ok: false, formError: translator('errors.unauthenticated'), values: {} });
  });
});
