/**
 * Mocks shared by the security suite: the session, Auth.js, the translator, the database handle,
 * cookies/headers, caches and `after()`. Each test file registers them with one line per module, e.g.
 *
 *   vi.mock('@/lib/auth/session', async () => (await import('./harness')).sessionMock());
 *
 * (vi.mock factories are hoisted above imports, so they load this module lazily.) The mocks read
 * `securityState`, which a test sets: who is signed in, which database, which cookies.
 *
 * Keep this module's imports light: a mock factory imports it while the mocked module is being
 * resolved, so it must not import anything that is itself mocked (db, session, next/*).
 */
import { createTranslator } from 'next-intl';
import { vi } from 'vitest';
import { DomainError } from '@/lib/errors';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';

export const securityState = {
  /** The database every action sees; null = any database access is a failure ("refused before the DB"). */
  db: null as unknown,
  actor: null as Actor | null,
  cookies: new Map<string, string>(),
  headers: new Headers({ 'x-forwarded-for': '203.0.113.7' }),
  /** Callbacks handed to next/server's after(): collected, never run (they would send a webhook). */
  after: [] as (() => unknown)[],
};

/** Back to "nobody signed in, no cookies"; the database stays. */
export function resetCaller(): void {
  securityState.actor = null;
  securityState.cookies.clear();
  securityState.after.length = 0;
}

export const translator = createTranslator({ locale: 'en', messages: MESSAGES.en });

function database(): unknown {
  if (!securityState.db) throw new Error('a refused action touched the database');
  return securityState.db;
}

export function sessionMock() {
  const getActor = async () => securityState.actor;
  return {
    COUNTER_ROLES: ['clerk', 'admin'],
    ADMIN_ROLES: ['admin'],
    getActor,
    hasRole: (a: Actor | null, roles: readonly string[]) => !!a && roles.includes(a.role),
    authorize: async (roles: readonly string[]) => {
      const actor = securityState.actor;
      if (!actor) throw new DomainError('unauthenticated');
      if (!roles.includes(actor.role)) throw new DomainError('forbidden');
      return actor;
    },
    requirePageRole: async () => {
      throw new Error('not used by actions');
    },
  };
}

export function authMock() {
  const answer = async () => new Response(null, { status: 204 });
  return { auth: async () => null, signIn: vi.fn(async () => undefined), signOut: vi.fn(async () => undefined), handlers: { GET: answer, POST: answer } };
}

export function nextAuthMock() {
  return { AuthError: class AuthError extends Error {} };
}

export function translateMock() {
  return { getTranslator: async () => ({ locale: 'en', t: translator }) };
}

export function libDbMock() {
  return { getDb: database };
}

export function dbClientMock(original: object) {
  // Health and readiness ask for the handle itself: never the app's own database in a test.
  const getDbHandle = () => ({ db: database(), kind: process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite' });
  return { ...original, getDb: database, getDbHandle };
}

export function nextCacheMock() {
  return { revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() };
}

export function nextHeadersMock() {
  return {
    cookies: async () => ({
      get: (name: string) => (securityState.cookies.has(name) ? { name, value: securityState.cookies.get(name)! } : undefined),
      has: (name: string) => securityState.cookies.has(name),
      getAll: () => [...securityState.cookies].map(([name, value]) => ({ name, value })),
      set: (name: string, value: string) => void securityState.cookies.set(name, value),
      delete: (name: string) => void securityState.cookies.delete(name),
    }),
    headers: async () => securityState.headers,
  };
}

export function nextServerMock(original: object) {
  return { ...original, after: (callback: () => unknown) => void securityState.after.push(callback) };
}
