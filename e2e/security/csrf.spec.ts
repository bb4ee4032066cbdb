import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { forwardedHeadersTrusted } from '../../lib/http/request-origin';
import { storageState } from '../fixtures/users';

// Every server action of the build, posted the way a cross-site page would: with the visitor's
// cookies (a signed-in customer) but a foreign Origin, or `Origin: null` (sandboxed iframes, data:
// URLs, some redirects). Next compares the Origin with the Host before it decodes anything
// (next/dist/server/app-render/action-handler.js) and answers 500 "Invalid Server Actions request";
// the same request from the shop's own origin reaches the action (200, a validation refusal), which
// proves the refusal is the origin check and not a malformed request. The actions come from the
// build's server-reference-manifest.json, so a new action is covered without touching this file.

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

const distDir = process.env.NEXT_DIST_DIR || '.next';
const manifestFile = path.join(distDir, 'server', 'server-reference-manifest.json');
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { node: Record<string, ManifestEntry> };
const ANY_UUID = '00000000-0000-4000-8000-000000000000';

/** 'app/(shop)/cart/page' → '/cart'; a dynamic segment gets a well-formed placeholder. */
function pagePath(worker: string): string {
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/page$/, '')
    .split('/')
    .filter((s) => s && s !== 'page' && !/^\(.*\)$/.test(s))
    .map((s) => (/^\[.*\]$/.test(s) ? ANY_UUID : s));
  return `/${segments.join('/')}`;
}

const actions = Object.entries(manifest.node)
  .filter(([, entry]) => /^lib\/.*actions\.ts$/.test(entry.filename))
  .map(([id, entry]) => {
    const workers = Object.keys(entry.workers);
    // A page without dynamic segments when there is one.
    const worker = workers.find((w) => !w.includes('[')) ?? workers[0];
    return { id, name: `${entry.filename}#${entry.exportedName}`, page: pagePath(worker) };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

type Style = 'fetch' | 'form';

/**
 * A server action call with `arg` (default: one that every strict schema refuses): 'fetch' as the
 * client router sends it (Next-Action header, JSON body), 'form' as a plain HTML form posts it —
 * multipart with the `$ACTION_ID_…` field, which a cross-site page can send without any preflight.
 */
function postAction(request: APIRequestContext, action: (typeof actions)[number], style: Style, headers: Record<string, string>, arg: Record<string, string> = { csrfProbe: '1' }) {
  if (style === 'form') {
    return request.post(action.page, { headers, multipart: { [`$ACTION_ID_${action.id}`]: '', ...arg }, maxRedirects: 0 });
  }
  return request.post(action.page, {
    headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', ...headers },
    data: JSON.stringify([arg]),
    maxRedirects: 0,
  });
}

test.describe('[SECURITY][CSRF] server actions refuse cross-site requests', () => {
  test.use({ storageState: storageState('customer') });

  test('the build has the app’s actions', () => {
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.map((a) => a.name)).toContain('lib/carts/actions.ts#addToCartAction');
  });

  for (const action of actions) {
    test(`[CSRF] ${action.name} refuses a foreign and a null Origin`, async ({ page, baseURL }) => {
      const own = new URL(baseURL!).origin;
      const attacks: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'null' }];
      // Without a declared proxy, proxy.ts overwrites a forged X-Forwarded-Host with the Host.
      if (!forwardedHeadersTrusted()) attacks.push({ Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' });

      for (const style of ['fetch', 'form'] as const) {
        // The same request from the shop itself reaches the action (a fetch answers 200; a form renders
        // its page, whose own status may be 403/404 for this visitor — but never the origin refusal).
        const sameOrigin = await postAction(page.request, action, style, { Origin: own });
        if (style === 'fetch') expect(sameOrigin.status(), 'same origin, fetch').toBe(200);
        else expect(sameOrigin.status(), 'same origin, form').not.toBe(500);

        for (const headers of attacks) {
          const response = await postAction(page.request, action, style, headers);
          expect({ style, headers, status: response.status() }).toEqual({ style, headers, status: 500 });
          expect(response.headers()['set-cookie'], 'no cookie was set or cleared').toBeUndefined();
        }
      }
    });
  }

  test('[CSRF] a cross-site form changes nothing: the language stays, the session stays', async ({ page, baseURL }) => {
    const byName = (name: string) => actions.find((a) => a.name === name)!;
    const setLocale = byName('lib/i18n/actions.ts#setLocaleAction');

    expect((await postAction(page.request, setLocale, 'form', { Origin: 'https://evil.example' }, { locale: 'nl' })).status()).toBe(500);
    expect((await postAction(page.request, byName('lib/identity/actions.ts#signOutAction'), 'form', { Origin: 'null' }, {})).status()).toBe(500);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/account$/); // still signed in
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // The same language change from the shop's own origin does apply (the requests above were well formed).
    const own = await postAction(page.request, setLocale, 'fetch', { Origin: new URL(baseURL!).origin }, { locale: 'nl' });
    expect(own.status()).toBe(200);
    await page.goto('/account');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });
});
