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

// The Auth.js test below signs in with the config lib/auth/auth.ts gives NextAuth, run by Auth.js's core
// the way next-auth (5.0.0-beta.32, lib/actions.js) signIn runs it: next-auth itself does not load under
// vitest (it imports 'next/server' without an extension). Only the password check is stubbed.
vi.mock('next-auth', async () => {
  const { Auth, createActionURL, raw, skipCSRFCheck } = await import('@auth/core');
  const { AuthError, CredentialsSignin } = await import('@auth/core/errors');
  const { headers: nextHeaders, cookies } = await import('next/headers');
  type Config = Parameters<typeof Auth>[1];
  return {
    AuthError,
    CredentialsSignin,
    default: (appConfig: Config) => {
      const config = { basePath: '/api/auth', ...appConfig }; // next-auth's setEnvDefaults
      return {
        handlers: {},
        auth: async () => null,
        signOut: async () => undefined,
        async signIn(provider: string, options: Record<string, string>) {
          const headers = new Headers(await nextHeaders());
          const { redirect: _redirect, ...rest } = options;
          const signInURL = createActionURL('signin', headers.get('x-forwarded-proto') as string, headers, process.env, config);
          headers.set('Content-Type', 'application/x-www-form-urlencoded');
          const url = `${signInURL}/${provider}?`.replace('signin', 'callback');
          const body = new URLSearchParams({ ...rest, callbackUrl: '/' });
          // With `raw`, Auth answers with its internal response (cookies, redirect), as next-auth reads it.
          const runRaw = Auth as unknown as (request: Request, config: unknown) => Promise<{ cookies?: { name: string; value: string; options: unknown }[]; redirect?: string }>;
          const res = await runRaw(new Request(url, { method: 'POST', headers, body }), { ...config, raw, skipCSRFCheck });
          const jar = await cookies();
          for (const c of res.cookies ?? []) jar.set(c.name, c.value, c.options as never);
          return res.redirect;
        },
      };
    },
  };
});
vi.mock('next-auth/providers/credentials', async () => ({ default: (await import('@auth/core/providers/credentials')).default }));
vi.mock('@/lib/identity/mutations', async (original) => ({
  ...(await original<object>()),
  verifyCredentials: async () => ({ userId: 7, email: 'eva@example.com', name: 'Eva', role: 'customer', sessionVersion: 0 }),
}));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => ({}) }));

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

describe('the Auth.js session cookie', () => {
  beforeEach(() => {
    state.set = [];
    vi.stubEnv('AUTH_SECRET', 'test-secret-for-guest-order-signatures-0123456789');
    vi.stubEnv('AUTH_URL', undefined);
    vi.stubEnv('NEXTAUTH_URL', undefined);
    vi.stubEnv('TRUSTED_PROXY_HOPS', undefined);
    vi.stubEnv('AUTH_TRUST_HOST', undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  /**
   * Signs in the way signInAction does (Auth.js's signIn, reading the request headers as proxy.ts passed
   * them on — `next start` itself sends x-forwarded-proto http) and returns the session cookie it set.
   */
  async function sessionCookie(sent: Record<string, string>) {
    const { signIn } = await import('@/lib/auth/auth');
    state.headers = withTrustedForwardedHeaders(h({ host: 'shop.example', 'x-forwarded-proto': 'http', ...sent }));
    await signIn('credentials', { email: 'eva@example.com', password: 'long enough 1', redirect: false });
    const cookie = state.set.find((c) => /authjs\.session-token$/.test(c.name));
    expect(cookie?.value).toMatch(/^ey/); // a JWE
    return { name: cookie!.name, secure: cookie!.options.secure, httpOnly: cookie!.options.httpOnly };
  }

  it('is __Secure- prefixed and Secure when the app is served over https (AUTH_URL https)', async () => {
    vi.stubEnv('AUTH_URL', 'https://shop.example');
    expect(await sessionCookie({})).toEqual({ name: '__Secure-authjs.session-token', secure: true, httpOnly: true });
  });

  it('is __Secure- prefixed and Secure behind a declared proxy that terminated TLS', async () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
    expect(await sessionCookie({ 'x-forwarded-proto': 'https' })).toEqual({ name: '__Secure-authjs.session-token', secure: true, httpOnly: true });
  });

  it('is neither over plain http, not even with a forged x-forwarded-proto and no declared proxy', async () => {
    expect(await sessionCookie({})).toEqual({ name: 'authjs.session-token', secure: false, httpOnly: true });
    expect(await sessionCookie({ 'x-forwarded-proto': 'https' })).toEqual({ name: 'authjs.session-token', secure: false, httpOnly: true });
    vi.stubEnv('AUTH_URL', 'http://localhost:3000');
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
    expect(await sessionCookie({ 'x-forwarded-proto': 'https' })).toEqual({ name: 'authjs.session-token', secure: false, httpOnly: true });
  });
});
