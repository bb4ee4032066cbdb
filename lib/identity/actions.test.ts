/**
 * The identity actions below the browser, on a real (PGlite) database: where sign-in and sign-up
 * redirect to, and that sign-out revokes the session on the server before Auth.js clears the cookie.
 * Auth.js itself is stubbed (signIn succeeds, signOut records what the database said at that moment).
 */
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createStaff, resetDatabase } from '@/lib/testing/fixtures';

const state = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown, versionAtSignOut: [] as number[] }));

vi.mock('@/lib/auth/session', async () => ({
  ADMIN_ROLES: ['admin'],
  COUNTER_ROLES: ['clerk', 'admin'],
  getActor: async () => state.actor,
  authorize: async () => state.actor,
}));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => state.db }));
vi.mock('@/lib/auth/auth', () => ({
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => {
    const { getActiveActor } = await import('./queries');
    const actor = state.actor as Actor;
    state.versionAtSignOut.push((await getActiveActor(state.db as Db, actor.userId))!.sessionVersion);
  }),
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
// The client address the sign-up limit counts on (lib/rate-limit/public-limits.ts).
vi.mock('next/headers', async (original) => ({ ...(await original<object>()), headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }) }));
vi.mock('@/lib/i18n/translate', () => ({
  getTranslator: async () => ({ locale: 'en', t: createTranslator({ locale: 'en', messages: MESSAGES.en }) }),
}));

const { signInAction, signOutAction, signUpAction } = await import('./actions');

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  state.actor = null;
  state.versionAtSignOut = [];
});

/** Runs an action that redirects on success; returns where it went, or the state it answered. */
async function submit(run: Promise<unknown>): Promise<{ redirect: string } | { state: unknown }> {
  try {
    return { state: await run };
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return { redirect: digest.split(';')[2] };
  }
}

describe('sign-in and sign-up redirects', () => {
  it.each([
    ['/\\evil.example', '/admin'],
    ['//evil.example', '/admin'],
    ['/%2F%2Fevil.example', '/admin'],
    ['https://evil.example/admin', '/admin'],
    ['/admin/promotions?tab=active', '/admin/promotions?tab=active'],
  ])('sign-in with callbackUrl %s goes to %s', async (callbackUrl, expected) => {
    await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    const result = await submit(signInAction({ email: 'admin@example.com', password: 'whatever', callbackUrl }));
    expect(result).toEqual({ redirect: expected });
  });

  it('sign-up never follows a callbackUrl off the site', async () => {
    const input = { name: 'Noor', password: 'a-long-password', confirmPassword: 'a-long-password' };
    expect(await submit(signUpAction({ ...input, email: 'noor@example.com', callbackUrl: '/\\evil.example' }))).toEqual({ redirect: '/account' });
    expect(await submit(signUpAction({ ...input, email: 'noor2@example.com', callbackUrl: '/checkout' }))).toEqual({ redirect: '/checkout' });
  });
});

describe('signOutAction', () => {
  it('bumps the session version before Auth.js signs out, so the old token is dead', async () => {
    const anna = await createCustomerActor(db, 'anna@example.com');
    state.actor = anna;
    expect(await signOutAction({})).toMatchObject({ ok: true });
    expect(state.versionAtSignOut).toEqual([anna.sessionVersion + 1]);
  });
});
