/**
 * Every server action (found, not listed), fed hostile input by fast-check as a caller the role lets
 * in, so parsing and the handler behind it are reached: wrong types, 10k+ strings, unicode (RTL,
 * zero-width, emoji, NUL, lone surrogates), unknown keys (price, role, status…), deep nesting, huge
 * arrays, numbers like "0x10", "1e1", NaN and -0 — as objects and as FormData. Every answer must be an
 * ActionState or a redirect: never a throw, never the generic "something went wrong" (an action's
 * 5xx), never a stack or SQL; and a refusal leaves the database exactly as it was.
 * Fixed seed and a bounded number of runs: a failure reproduces.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { MESSAGES } from '@/lib/i18n/messages';
import { translator } from './harness';
import { asFormData, criticalInputs, hostileInput, SQL_RE, STACK_RE } from './hostile-input';

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
const { log } = await import('@/lib/logging/logger');
const { SCENARIOS } = await import('./scenarios');
const { actAs, buildWorld, call, discoverActions, fingerprint, isRefusal, ownersOf } = await import('./world');
type Outcome = Awaited<ReturnType<typeof call>>;
type Persona = Parameters<typeof actAs>[1];

const SEED = 20_261_201;
const RUNS = 30;
const GENERIC = translator('errors.generic');

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  securityState.db = handle.db;
});
afterAll(() => handle?.close());
afterEach(() => vi.restoreAllMocks());

/** Everything the answer shows a person: messages only (the echoed `values` are the caller's own input). */
function shown(outcome: Outcome): string[] {
  if ('redirected' in outcome) return [outcome.redirected];
  if (outcome.ok) return [outcome.message ?? ''];
  return [outcome.formError ?? '', ...Object.values(outcome.fieldErrors ?? {}).flat()];
}

describe('[SECURITY][FUZZ] detectors', () => {
  it('flag what a failed query or a stack looks like, and no message of the app', () => {
    const leaks = [
      'Failed query: select "id" from "carts" where "id" = $1',
      'insert into "orders" ("id") values ($1)',
      'duplicate key value violates unique constraint "orders_idempotency_key_idx"',
      'invalid byte sequence for encoding "UTF8": 0x00',
      'relation "cart_lines" does not exist',
    ];
    expect(leaks.filter((m) => !SQL_RE.test(m))).toEqual([]);
    expect(STACK_RE.test('Error: boom\n    at placeOrder (lib/orders/place-order.ts:81:5)')).toBe(true);
    const catalog = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : Object.values(value as object).flatMap(catalog);
    const messages = [...catalog(MESSAGES.en), ...catalog(MESSAGES.nl)];
    expect(messages.length).toBeGreaterThan(100);
    expect(messages.filter((m) => SQL_RE.test(m) || STACK_RE.test(m))).toEqual([]);
  });
});

describe('[SECURITY][FUZZ] findings', () => {
  it('a NUL character, which PostgreSQL text cannot hold, is an invalid field, not a failed query', async () => {
    const { signUpAction } = await import('@/lib/identity/actions');
    const { previewPromotionAction } = await import('@/lib/promotions/actions');
    const world = await buildWorld(handle.db);
    const before = await fingerprint(handle.db);
    actAs(world, 'anonymous');
    const signUp = { name: 'Eve\u0000', email: 'eve@example.com', password: 'long enough 1', confirmPassword: 'long enough 1' };
    expect(await call(signUpAction, signUp)).toMatchObject({ ok: false, fieldErrors: { name: [translator('validation.invalid')] } });
    actAs(world, 'admin');
    const nested = { name: 'x', kind: 'percentage', value: '10', target: 'all', channels: ['web', 'store\u0000'] };
    expect(await call(previewPromotionAction, nested)).toMatchObject({ ok: false, fieldErrors: { channels: [translator('validation.invalid')] } });
    expect(await fingerprint(handle.db)).toEqual(before);
  });
});

describe('[SECURITY][FUZZ] every action answers hostile input with a refusal, never an error', async () => {
  const actions = await discoverActions();

  for (const { name, fn } of actions) {
    it(name, async () => {
      const scenario = SCENARIOS[name];
      expect(scenario, `add a scenario for ${name} to lib/security/scenarios.ts`).toBeDefined();
      const db = handle.db;
      const world = await buildWorld(db);
      // Public actions as a guest and as a customer; the others as the owner the role lets in.
      const callers = fn.access === 'public' ? (['anonymous', 'customer'] as const) : ownersOf(fn.access, scenario.owners).slice(0, 1);
      const logged = vi.spyOn(log, 'error');
      const base = scenario.input(world, callers[0]);

      await fc.assert(
        fc.asyncProperty(hostileInput(base), fc.constantFrom(...callers), fc.boolean(), async (input, persona, asForm) => {
          actAs(world, persona);
          logged.mockClear();
          const before = await fingerprint(db);
          let outcome: Outcome;
          try {
            outcome = await call(fn, asForm ? asFormData(input) : input);
          } catch (error) {
            throw new Error(`${name} threw instead of answering: ${String(error)}`);
          }
          expect(outcome, 'an ActionState or a redirect').toEqual(
            'redirected' in outcome ? { redirected: expect.stringMatching(/^\//) } : expect.objectContaining({ ok: expect.any(Boolean) }),
          );
          const text = shown(outcome).join('\n');
          expect(text, 'the generic error: something unexpected failed').not.toContain(GENERIC);
          expect(logged, 'an unexpected error was logged').not.toHaveBeenCalled();
          expect(text).not.toMatch(STACK_RE);
          expect(text).not.toMatch(SQL_RE);
          if (isRefusal(outcome)) expect(await fingerprint(db), 'a refusal changed the database').toEqual(before);
        }),
        {
          // A seed per action (fixed: a failure reproduces) so that actions do not all get the same sequence.
          seed: SEED + [...name].reduce((sum, c) => sum + c.charCodeAt(0), 0),
          numRuns: RUNS,
          examples: criticalInputs(base).flatMap((input): [unknown, Persona, boolean][] => [
            [input, callers[0], false],
            [input, callers[0], true],
          ]),
        },
      );
    });
  }
});
