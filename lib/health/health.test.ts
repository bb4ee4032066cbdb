/**
 * /api/health as a load balancer, an attacker and an operator see it, on a real (migrated) database.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { isOperatorRequest } from './operator-token';

const state = vi.hoisted(() => ({ handle: null as unknown, broken: false }));

vi.mock('@/db/client', async (original) => ({
  ...(await original<object>()),
  getDb: () => {
    if (state.broken) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    return (state.handle as DbHandle).db;
  },
  getDbHandle: () => state.handle,
}));

const { GET } = await import('@/app/api/health/route');
const ready = await import('@/app/api/health/ready/route');

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  state.handle = handle;
});
afterAll(() => handle?.close());
afterEach(() => {
  state.broken = false;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const probe = (authorization?: string) =>
  GET(new Request('http://127.0.0.1/api/health', { headers: authorization ? { authorization } : {} }));

describe('/api/health', () => {
  it('tells anyone only up: 200 {status:"ok"}, nothing about the database', async () => {
    vi.stubEnv('OPERATOR_TOKEN', 'op-secret-token');
    for (const auth of [
      undefined,
      'Bearer wrong-token',
      'Basic op-secret-token',
      'Bearer op-secret-token-and-more',
    ]) {
      const response = await probe(auth);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ status: 'ok' });
    }
  });

  it('answers 503 {status:"down"} when the database is unreachable, without the error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    state.broken = true;
    const response = await probe();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'down' });
    expect(logged).toHaveBeenCalledWith('[health] database check failed', expect.any(Error));
  });

  it('gives an operator with the bearer token the database kind, latency and pending migrations', async () => {
    vi.stubEnv('OPERATOR_TOKEN', 'op-secret-token');
    const response = await probe('Bearer op-secret-token');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: handle.kind,
      latencyMs: expect.any(Number),
      pendingMigrations: 0,
    });
  });

  it('has no operator at all while OPERATOR_TOKEN is unset (an empty bearer opens nothing)', async () => {
    vi.stubEnv('OPERATOR_TOKEN', '');
    expect(await (await probe('Bearer ')).json()).toEqual({ status: 'ok' });
    expect(isOperatorRequest(new Headers({ authorization: 'Bearer x' }), undefined)).toBe(false);
    expect(isOperatorRequest(new Headers({ authorization: 'bearer  tok ' }), 'tok')).toBe(true);
  });
});

describe('/api/health/ready', () => {
  it('tells anyone only whether the instance is ready; why, only to an operator', async () => {
    vi.stubEnv('OPERATOR_TOKEN', 'op-secret-token');
    const anyone = await ready.GET(new Request('http://127.0.0.1/api/health/ready'));
    expect(anyone.status).toBe(200);
    expect(await anyone.json()).toEqual({ ready: true });
    const operator = await ready.GET(
      new Request('http://127.0.0.1/api/health/ready', { headers: { authorization: 'Bearer op-secret-token' } }),
    );
    expect(await operator.json()).toMatchObject({ ready: true, database: 'ok', migrations: { pending: 0 } });
  });
});
