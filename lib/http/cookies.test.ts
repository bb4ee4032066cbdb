import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appCookieOptions } from './cookies';
import { isHttpsRequest, withTrustedForwardedHeaders } from './request-origin';

const state = vi.hoisted(() => ({
  headers: new Headers(),
  set: [] as { name: string; value: string; options: Record<string, unknown> }[],
}));

vi.mock('next/headers', () => ({
  headers: async () => state.headers,
  cookies: async () => ({
    get: () => undefined,
    set: (name: string, value: string, options: Record<string, unknown>) =>
      state.set.push({ name, value, options }),
    delete: () => {},
  }),
}));

vi.mock('@/lib/auth/session', () => ({
  ADMIN_ROLES: ['admin'],
  COUNTER_ROLES: ['clerk', 'admin'],
  getActor: async () => null,
}));
vi.mock('@/lib/i18n/translate', async () => {
  const { createTranslator } = await import('next-intl');
  const { MESSAGES } = await import('@/lib/i18n/messages');
  return {
    getTranslator: async () => ({
      locale: 'en',
      t: createTranslator({ locale: 'en', messages: MESSAGES.en }),
    }),
  };
});

const h = (init: Record<string, string> = {}) => new Headers(init);

describe('isHttpsRequest', () => {
  it.each<[string, Record<string, string>, Record<string, string>, boolean]>([
    ['plain http, nothing configured', {}, { 'x-forwarded-proto': 'http' }, false],
    ['a forged x-forwarded-proto without a declared proxy', {}, { 'x-forwarded-proto': 'https' }, false],
    ['an https Origin header (any client can write it)', {}, { origin: 'https://shop.example' }, false],
    ['a declared proxy that says https', { TRUSTED_PROXY_HOPS: '1' }, { 'x-forwarded-proto': 'https' }, true],
    ['a declared proxy that says http', { TRUSTED_PROXY_HOPS: '1' }, { 'x-forwarded-proto': 'http' }, false],
    [
      'AUTH_TRUST_HOST=true and the first hop https',
      { AUTH_TRUST_HOST: 'true' },
      { 'x-forwarded-proto': 'https, http' },
      true,
    ],
    ['AUTH_TRUST_HOST=false', { AUTH_TRUST_HOST: 'false' }, { 'x-forwarded-proto': 'https' }, false],
    ['AUTH_URL https, whatever the headers', { AUTH_URL: 'https://shop.example' }, {}, true],
    [
      'AUTH_URL http beats a proxy header',
      { AUTH_URL: 'http://localhost:3000', TRUSTED_PROXY_HOPS: '1' },
      { 'x-forwarded-proto': 'https' },
      false,
    ],
    [
      'a broken AUTH_URL falls back to the rules above',
      { AUTH_URL: 'not a url' },
      { 'x-forwarded-proto': 'https' },
      false,
    ],
  ])('%s → %s', (_case, env, headers, expected) => {
    expect(isHttpsRequest(h(headers), env)).toBe(expected);
  });
});

describe('withTrustedForwardedHeaders', () => {
  it('without a declared proxy, replaces forged forwarded host and protocol by what the app knows', () => {
    const out = withTrustedForwardedHeaders(
      h({
        host: 'shop.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        cookie: 'a=1',
      }),
      {},
    );
    expect(out.get('x-forwarded-host')).toBe('shop.example');
    expect(out.get('x-forwarded-proto')).toBe('http');
    expect(out.get('cookie')).toBe('a=1');
    const configured = withTrustedForwardedHeaders(h({ host: 'app:3000' }), {
      AUTH_URL: 'https://shop.example',
    });
    expect(configured.get('x-forwarded-proto')).toBe('https');
  });

  it('behind a declared proxy, passes its headers on', () => {
    const out = withTrustedForwardedHeaders(
      h({ host: 'app:3000', 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https' }),
      {
        TRUSTED_PROXY_HOPS: '1',
      },
    );
    expect(out.get('x-forwarded-host')).toBe('shop.example');
    expect(out.get('x-forwarded-proto')).toBe('https');
  });
});

describe('app cookies', () => {
  beforeEach(() => {
    state.set = [];
    vi.stubEnv('AUTH_SECRET', 'test-secret-for-guest-order-signatures-0123456789');
    vi.stubEnv('AUTH_URL', undefined);
    vi.stubEnv('TRUSTED_PROXY_HOPS', undefined);
    vi.stubEnv('AUTH_TRUST_HOST', undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it('are httpOnly, lax, site-wide and Secure exactly when the request is https', () => {
    expect(appCookieOptions(h(), { maxAgeS: 60 }, {})).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      path: '/',
      maxAge: 60,
    });
    expect(appCookieOptions(h(), { maxAgeS: 60 }, { AUTH_URL: 'https://shop.example' })).toMatchObject({
      secure: true,
    });
  });

  it('cart, guest-order, counter-store and language cookies all get Secure over https', async () => {
    const { setAppCookie } = await import('./cookies');
    const { rememberGuestOrder } = await import('@/lib/orders/guest-orders');
    const { writeChosenStore } = await import('@/lib/orders/counter-session');
    const { setLocaleAction } = await import('@/lib/i18n/actions');

    vi.stubEnv('AUTH_URL', 'https://shop.example');
    state.headers = h({ 'x-forwarded-proto': 'http' });
    await rememberGuestOrder('5b0c5f1e-8f7a-4d0e-9a53-2a1d3f1b7c11');
    await writeChosenStore(2);
    expect(await setLocaleAction({ locale: 'en' })).toEqual({ ok: true });
    await setAppCookie('omnishop_cart', 'c', { maxAgeS: 60 });
    expect(state.set.map((c) => [c.name, c.options.secure, c.options.httpOnly])).toEqual([
      ['omnishop_orders', true, true],
      ['omnishop_counter_store', true, true],
      ['NEXT_LOCALE', true, true],
      ['omnishop_cart', true, true],
    ]);

    // Direct http with a forged header: not Secure (the browser would drop a Secure cookie over http).
    state.set = [];
    vi.stubEnv('AUTH_URL', undefined);
    state.headers = h({ 'x-forwarded-proto': 'https' });
    await writeChosenStore(2);
    expect(state.set[0].options.secure).toBe(false);

    // Behind a declared proxy that terminated TLS.
    state.set = [];
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
    await writeChosenStore(2);
    expect(state.set[0].options.secure).toBe(true);
  });
});
