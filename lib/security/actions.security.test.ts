/**
 * Calls every server action of the app as every role that may not use it, and checks that it is refused
 * before anything happens. New actions are picked up automatically: every `lib/**\/*actions.ts` module
 * is loaded, and every export must have gone through the one wrapper (lib/actions/action.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserRole } from '@/db/schema';
import type { Access } from '@/lib/actions/action';
import type { Actor } from '@/lib/identity/queries';
import { securityState as state } from './harness';

vi.mock('@/lib/auth/session', async () => (await import('./harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('./harness')).authMock());
vi.mock('next-auth', async () => (await import('./harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('./harness')).translateMock());
// Any database access would be a failure of this suite: a refused call must stop before it
// (securityState.db stays null, so both getDb mocks throw).
vi.mock('@/lib/db', async () => (await import('./harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('./harness')).dbClientMock(await original<object>()));

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
