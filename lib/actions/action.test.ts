/**
 * The wrapper's request id: read from the proxy's `x-request-id` (or made up) and carried, through
 * AsyncLocalStorage, to everything the handler calls — the logger's mixin puts it on each line.
 */
import { createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MESSAGES } from '@/lib/i18n/messages';
import { currentLogContext } from '@/lib/logging/context';

const state = vi.hoisted(() => ({ headers: null as Headers | null }));
vi.mock('next/headers', () => ({
  headers: async () => {
    if (!state.headers) throw new Error('`headers` was called outside a request scope');
    return state.headers;
  },
}));
vi.mock('@/lib/auth/session', () => ({
  ADMIN_ROLES: ['admin'],
  COUNTER_ROLES: ['clerk', 'admin'],
  getActor: async () => null,
  authorize: async () => null,
}));
vi.mock('@/lib/i18n/translate', () => ({
  getTranslator: async () => ({ locale: 'en', t: createTranslator({ locale: 'en', messages: MESSAGES.en }) }),
}));

const { access, action } = await import('./action');

// Reads the context the way a domain function deep inside the handler would (after an await).
const probe = action({ schema: z.object({}).strict(), access: access.public }, async () => {
  await Promise.resolve();
  return { data: currentLogContext()?.requestId };
});

describe('action wrapper request id', () => {
  it('carries the incoming x-request-id into the handler', async () => {
    state.headers = new Headers({ 'x-request-id': 'edge-4f1c2a9b' });
    expect(await probe({})).toEqual({ ok: true, data: 'edge-4f1c2a9b' });
  });

  it('makes a new id when the header is absent or not an id, and one per call', async () => {
    state.headers = new Headers({ 'x-request-id': 'bad id {"level":"fatal"}' });
    const first = await probe({});
    state.headers = new Headers();
    const second = await probe({});
    expect(first.ok && first.data).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.ok && second.data).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.ok && second.ok && first.data !== second.data).toBe(true);
  });

  it('still works outside a request (scripts, tests), and leaves no context behind', async () => {
    state.headers = null;
    const result = await probe({});
    expect(result.ok && result.data).toMatch(/^[0-9a-f-]{36}$/);
    expect(currentLogContext()).toBeUndefined();
  });
});
