/**
 * The access matrix on a real database: every server action (found, not listed) is called with a
 * valid input naming what the owners hold (lib/security/scenarios.ts) as each of six callers —
 * anonymous, the owning customer, another customer, the clerk of the store, a clerk of another store,
 * an admin. The matrix that comes out must equal the one the action's `.access` and its scenario
 * declare: refused roles change nothing at all, callers the role lets in never change what the owners
 * hold, and the owners succeed (so no refusal above is a refusal of everyone).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import type { Access } from '@/lib/actions/action';
import { translator } from './harness';

vi.mock('@/lib/auth/session', async () => (await import('./harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('./harness')).authMock());
vi.mock('next-auth', async () => (await import('./harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('./harness')).translateMock());
vi.mock('@/lib/db', async () => (await import('./harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('./harness')).dbClientMock(await original<object>()));
vi.mock('next/cache', async () => (await import('./harness')).nextCacheMock());
vi.mock('next/headers', async () => (await import('./harness')).nextHeadersMock());
vi.mock('next/server', async (original) => (await import('./harness')).nextServerMock(await original<object>()));

const { securityState } = await import('./harness');
const { createTestDatabase } = await import('@/db/testing');
const { SCENARIOS } = await import('./scenarios');
const { actAs, buildWorld, call, discoverActions, fingerprint, ownedFingerprint, ownersOf, PERSONAS } = await import('./world');

const SIGN_IN_FIRST = translator('errors.unauthenticated');
const NOT_ALLOWED = translator('errors.forbidden');

function roleAllows(access: Access): boolean {
  if (access === 'public') return true;
  const actor = securityState.actor;
  return !!actor && access.includes(actor.role);
}

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  securityState.db = handle.db;
});
afterAll(() => handle?.close());

describe('[SECURITY][MATRIX] every action, as all six callers, on a real database', async () => {
  const actions = await discoverActions();

  it('has a scenario for every action and no scenario for an action that is gone', () => {
    const names = actions.map((a) => a.name);
    expect(names.filter((n) => !SCENARIOS[n])).toEqual([]);
    expect(Object.keys(SCENARIOS).filter((n) => !names.includes(n))).toEqual([]);
  });

  for (const { name, fn } of actions) {
    it(name, async () => {
      const scenario = SCENARIOS[name];
      expect(scenario, `add a scenario for ${name} to lib/security/scenarios.ts`).toBeDefined();
      const db = handle.db;
      const world = await buildWorld(db);
      const owners = ownersOf(fn.access, scenario.owners);
      // The owners go last: what the others tried must not have changed their things.
      const order = [...PERSONAS.filter((p) => !owners.includes(p)), ...PERSONAS.filter((p) => owners.includes(p))];

      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      for (const persona of order) {
        actAs(world, persona);
        const allowed = roleAllows(fn.access);
        const all = await fingerprint(db);
        const owned = await ownedFingerprint(db, world);
        const outcome = await call(fn, scenario.input(world, persona));
        const refused = 'ok' in outcome && !outcome.ok;
        const formError = 'ok' in outcome && !outcome.ok ? outcome.formError : undefined;

        if (!allowed) {
          expected[persona] = persona === 'anonymous' ? 'asked to sign in, nothing changed' : 'forbidden, nothing changed';
          const said = formError === SIGN_IN_FIRST ? 'asked to sign in' : formError === NOT_ALLOWED ? 'forbidden' : `answered ${JSON.stringify(outcome)}`;
          actual[persona] = `${said}, ${equal(await fingerprint(db), all) ? 'nothing changed' : 'DATA CHANGED'}`;
        } else if (owners.includes(persona)) {
          expected[persona] = 'succeeds';
          actual[persona] = refused ? `refused: ${JSON.stringify(outcome)}` : 'succeeds';
        } else {
          const kept = (await ownedFingerprint(db, world)) === owned;
          const label = scenario.others === 'refused' ? 'refused' : scenario.others === 'bearer' ? 'allowed by design' : 'only its own things';
          expected[persona] = `${label}, owners’ data unchanged`;
          const did = scenario.others === 'refused' ? (refused ? 'refused' : `NOT REFUSED: ${JSON.stringify(outcome)}`) : label;
          actual[persona] = `${did}, ${kept ? 'owners’ data unchanged' : 'OWNERS’ DATA CHANGED'}`;
        }
      }
      if (scenario.others === 'bearer') expect(scenario.why ?? '', 'a bearer action says why').toMatch(/.{20,}/);
      expect(actual).toEqual(expected);
    });
  }
});

function equal(a: Record<string, string>, b: Record<string, string>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
