/**
 * Calls every server action of the app as every role that may not use it, and checks that it is refused
 * before anything happens. New actions are picked up automatically: every `lib/**\/*actions.ts` module
 * is loaded, and every export must have gone through the one wrapper (lib/actions/action.ts).
 */
import { createTranslator } from 'next-intl';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserRole } from '@/db/schema';
import type { Access } from '@/lib/actions/action';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';

const state = vi.hoisted(() => ({ actor: null as Actor | null }));

vi.mock('@/lib/auth/session', async () => {
  const { DomainError } = await import('@/lib/errors');
  const getActor = async () => state.actor;
  return {
    COUNTER_ROLES: ['clerk', 'admin'],
    ADMIN_ROLES: ['admin'],
    getActor,
    hasRole: (a: Actor | null, roles: readonly string[]) => !!a && roles.includes(a.role),
    authorize: async (roles: readonly string[]) => {
      if (!state.actor) throw new DomainError('unauthenticated');
      if (!roles.includes(state.actor.role)) throw new DomainError('forbidden');
      return state.actor;
    },
    requirePageRole: async () => {
      throw new Error('not used by actions');
    },
  };
});
vi.mock('@/lib/auth/auth', () => ({
  auth: async () => null,
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('@/lib/i18n/translate', () => ({
  getTranslator: async () => ({ locale: 'en', t: createTranslator({ locale: 'en', messages: MESSAGES.en }) }),
}));
// Any database access would be a failure of this suite: a refused call must stop before it.
vi.mock('@/lib/db', () => ({
  getDb: () => {
    throw new Error('a refused action touched the database');
  },
}));
vi.mock('@/db/client', async (original) => ({
  ...(await original<object>()),
  getDb: () => {
    throw new Error('a refused action touched the database');
  },
}));

const modules = import.meta.glob<Record<string, unknown>>('/lib/**/*actions.ts');

function actorFor(role: UserRole | 'anonymous'): Actor | null {
  if (role === 'anonymous') return null;
  return { userId: 999, role, email: `${role}@example.com`, name: role, locationId: role === 'clerk' ? 1 : null, customerId: role === 'customer' ? 1 : null, sessionVersion: 0 };
}

const ALL_ROLES = ['anonymous', 'customer', 'clerk', 'admin'] as const;

type WrappedAction = ((input: unknown) => Promise<{ ok: boolean; formError?: string }>) & { access: Access };

describe('[SECURITY] every server action refuses the roles that may not use it', async () => {
  const actions: { name: string; fn: WrappedAction }[] = [];
  for (const [path, load] of Object.entries(modules)) {
    const mod = await load();
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function') actions.push({ name: `${path}#${name}`, fn: value as WrappedAction });
    }
  }

  beforeEach(() => {
    state.actor = null;
  });

  it('finds the app’s actions, each one wrapped with an access rule', () => {
    expect(actions.length).toBeGreaterThan(3);
    const unwrapped = actions.filter((a) => a.fn.access === undefined).map((a) => a.name);
    expect(unwrapped).toEqual([]);
  });

  for (const role of ALL_ROLES) {
    it(`refuses ${role} on every action not meant for them`, async () => {
      const refusedAs = role === 'anonymous' ? 'Please sign in first.' : 'You are not allowed to do this.';
      let checked = 0;
      for (const { name, fn } of actions) {
        if (fn.access === 'public' || (role !== 'anonymous' && fn.access.includes(role))) continue;
        state.actor = actorFor(role);
        const result = await fn({});
        expect({ name, result }).toEqual({ name, result: expect.objectContaining({ ok: false, formError: refusedAs }) });
        checked++;
      }
      if (role === 'anonymous') expect(checked).toBeGreaterThan(0);
    });
  }
});
