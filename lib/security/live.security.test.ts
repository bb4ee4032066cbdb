/**
 * The live stream (app/api/live/route.ts) as every persona: it streams only the topics the visitor may
 * watch (lib/live/access.ts) and answers 400 when none is left. The hub is stubbed: what is under test
 * is who gets which topic, not the fan-out (lib/live/*.test.ts, e2e/cluster).
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';

vi.mock('@/lib/auth/session', async () => (await import('./harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('./harness')).authMock());
vi.mock('next-auth', async () => (await import('./harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('./harness')).translateMock());
vi.mock('@/lib/db', async () => (await import('./harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('./harness')).dbClientMock(await original<object>()));
vi.mock('next/cache', async () => (await import('./harness')).nextCacheMock());
vi.mock('next/headers', async () => (await import('./harness')).nextHeadersMock());
vi.mock('next/server', async (original) => (await import('./harness')).nextServerMock(await original<object>()));
vi.mock('@/lib/live/hub', () => ({ subscribeLive: async () => () => {} }));

const { securityState } = await import('./harness');
const { createTestDatabase } = await import('@/db/testing');
const { actAs, buildWorld, PERSONAS } = await import('./world');
const { GUEST_ORDERS_COOKIE, serializeGuestOrders } = await import('@/lib/orders/guest-orders');
const { GET } = await import('@/app/api/live/route');

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  securityState.db = handle.db;
});
afterAll(() => handle?.close());

/** The topics the stream's `ready` event names, or the refusal's status. */
async function streamed(topics: string[]): Promise<string[] | number> {
  const response = await (GET as (request: Request) => Promise<Response>)(new NextRequest(`http://127.0.0.1:3000/api/live?topics=${encodeURIComponent(topics.join(','))}`));
  if (response.status !== 200) return response.status;
  const reader = response.body!.getReader();
  const { value } = await reader.read();
  await reader.cancel();
  const ready = /event: ready\ndata: (.*)\n/.exec(new TextDecoder().decode(value))?.[1];
  return (JSON.parse(ready!) as { topics: string[] }).topics;
}

describe('[SECURITY][LIVE] the live stream gives each persona only the order and pickups topics it may watch', () => {
  it('an order to its customer and its store’s clerks and admins; a store’s pickups to its clerks and admins', async () => {
    const world = await buildWorld(handle.db);
    // The owner's pickup order is at store A: the clerk works there, the other clerk at store B.
    const order = `order:${world.pickupOrderId}`;
    const storeA = `pickups:${world.shop.storeA.id}`;
    const storeB = `pickups:${world.shop.storeB.id}`;
    const expected: Record<(typeof PERSONAS)[number], string[] | number> = {
      anonymous: 400,
      customer: [order],
      otherCustomer: 400,
      clerk: [order, storeA],
      otherStoreClerk: [storeB],
      admin: [order, storeA, storeB],
    };
    for (const persona of PERSONAS) {
      actAs(world, persona);
      expect({ persona, got: await streamed([order, storeA, storeB]) }).toEqual({ persona, got: expected[persona] });
    }
    // A guest cookie (validly signed) naming the owner's order does not open it: that order was placed from an account.
    actAs(world, 'anonymous');
    securityState.cookies.set(GUEST_ORDERS_COOKIE, serializeGuestOrders([world.pickupOrderId]));
    expect(await streamed([order])).toBe(400);
  });
});
