/**
 * Every route handler method, called on a real database as someone its declared rule
 * (lib/security/route-access.ts) must refuse or may only read for: role-bound methods as every other
 * persona, signed webhooks unsigned and forged, public methods as an anonymous visitor (no 5xx, no
 * stack or SQL in the answer, nothing written). coverage.security.test.ts proves every method has a rule.
 */
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { SQL_RE, STACK_RE } from './hostile-input';
import { ROUTE_ACCESS, type HttpMethod } from './route-access';

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
const { actAs, buildWorld, fingerprint, PERSONAS } = await import('./world');
const { buildTestWebhook } = await import('@/lib/payments/test-provider');
const { SIGNATURE_HEADER } = await import('@/lib/payments/signature');
const { payments } = await import('@/db/schema');

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
const routeModules = import.meta.glob<Record<string, unknown>>('/app/**/route.ts');

// A dynamic segment gets an id that names nothing (a uuid, as ids here are).
const NOBODY = '00000000-0000-4000-8000-000000000000';

/** 'app/(shop)/orders/[id]/invoice/route.ts' → '/orders/<NOBODY>/invoice' (route groups are not in the URL). */
const urlOf = (file: string) =>
  `http://127.0.0.1:3000${file.replace(/^app/, '').replace(/\/\([^)]+\)/g, '').replace(/\/route\.ts$/, '').replace(/\[\.{0,3}\w+\]/g, NOBODY)}`;

/** The route's params as Next passes them: each dynamic segment of the file's path. */
const paramsOf = (file: string) =>
  Promise.resolve(Object.fromEntries([...file.matchAll(/\[\.{0,3}(\w+)\]/g)].map((m) => [m[1], NOBODY])));

/** A redirect() thrown by a handler is the 307 that Next would answer. */
async function respond(fn: Handler, file: string, request: Request): Promise<Response> {
  try {
    return await fn(request, { params: paramsOf(file) });
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT')) return new Response(null, { status: 307 });
    throw error;
  }
}

async function handler(file: string, method: HttpMethod): Promise<Handler> {
  const load = routeModules[`/${file}`];
  expect(load, `${file} exists`).toBeDefined();
  const fn = (await load())[method];
  expect(typeof fn, `${file} exports ${method}`).toBe('function');
  return fn as Handler;
}

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  securityState.db = handle.db;
});
afterAll(() => handle?.close());

const routes = Object.entries(ROUTE_ACCESS).flatMap(([file, methods]) =>
  Object.entries(methods).map(([method, rule]) => ({ file, method: method as HttpMethod, rule })),
);

describe('[SECURITY][ROUTES] every route handler refuses whom its rule refuses', () => {
  for (const { file, method, rule } of routes) {
    if (rule.rule === 'auth') continue; // Auth.js's own handlers: e2e/auth signs in through them.

    it(`${method} ${file} (${rule.rule})`, async () => {
      const db = handle.db;
      const world = await buildWorld(db);
      const fn = await handler(file, method);
      const body = method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify({ id: 'evt_x', type: 'payment.succeeded' });
      const request = (headers: Record<string, string> = {}) => new NextRequest(urlOf(file), { method, headers, body });

      if (rule.rule === 'roles') {
        for (const persona of PERSONAS) {
          const actor = world.actors[persona];
          if (actor && rule.roles.includes(actor.role)) continue;
          actAs(world, persona);
          const before = await fingerprint(db);
          const response = await respond(fn, file, request());
          expect({ persona, status: response.status }).toEqual({ persona, status: actor ? 403 : 401 });
          expect(await fingerprint(db)).toEqual(before);
        }
        return;
      }

      actAs(world, 'anonymous');
      const before = await fingerprint(db);
      const response = await respond(fn, file, request());
      const text = response.body && !response.headers.get('content-type')?.includes('event-stream') ? await response.text() : '';
      if (rule.rule === 'signature') expect(response.status, 'an unsigned request').toBeOneOf([400, 401]);
      else if (rule.rule === 'owner') expect(response.status, 'someone else’s resource').toBe(404);
      else expect(response.status, 'a public answer').toBeLessThan(500);
      expect(text).not.toMatch(STACK_RE);
      expect(text).not.toMatch(SQL_RE);
      expect(await fingerprint(db), 'nothing was written').toEqual(before);
    });
  }
});

describe('[SECURITY][ROUTES] the payment webhook believes only the provider’s signature', () => {
  it('refuses a forged, a re-used and a stale signature for a real pending payment; the genuine one settles it', async () => {
    const db = handle.db;
    const world = await buildWorld(db);
    const post = await handler('app/api/payments/webhook/route.ts', 'POST');
    const [payment] = await db.select().from(payments).where(eq(payments.providerReference, world.paymentReference));
    const event = { providerReference: world.paymentReference, amountCents: payment.amountCents };
    const genuine = buildTestWebhook({ ...event, outcome: 'succeeded' });
    const other = buildTestWebhook({ ...event, outcome: 'failed' });
    const stale = buildTestWebhook({ ...event, outcome: 'succeeded' }, new Date(Date.now() - 24 * 3600_000));
    const send = (rawBody: string, signature?: string) =>
      post(new Request(urlOf('app/api/payments/webhook/route.ts'), { method: 'POST', body: rawBody, headers: signature ? { [SIGNATURE_HEADER]: signature } : {} }), { params: Promise.resolve({}) });

    const before = await fingerprint(db);
    const forged = [
      await send(genuine.rawBody),
      await send(genuine.rawBody, 'v1=0000'),
      await send(genuine.rawBody, other.signature), // another event's signature
      await send(genuine.rawBody.replace(String(payment.amountCents), '1'), genuine.signature), // the body changed after signing
      await send(stale.rawBody, stale.signature),
    ];
    expect(forged.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(await fingerprint(db)).toEqual(before);

    const accepted = await send(genuine.rawBody, genuine.signature);
    expect(await accepted.json()).toEqual({ received: true, result: 'succeeded' });
    const [settled] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(settled.status).toBe('succeeded');
  });
});
