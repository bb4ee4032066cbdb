import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page, type Response } from '@playwright/test';
import { storageState, type Role } from '../fixtures/users';

/** Every CSP report the page gets: console errors and securitypolicyviolation events (init scripts run outside the CSP). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI}`,
      );
    });
  });
  return violations;
}

function nonceOf(response: Response): string {
  const csp = response.headers()['content-security-policy'] ?? '';
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] ?? '';
}

async function expectSecurityHeaders(response: Response | null, { camera }: { camera: 'self' | 'none' }) {
  expect(response).not.toBeNull();
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  for (const directive of [
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['permissions-policy']).toContain(camera === 'self' ? 'camera=(self)' : 'camera=()');
  expect(headers['permissions-policy']).toContain('microphone=()');
  expect(headers['permissions-policy']).toContain('geolocation=()');
  // Plain http here: no HSTS (it would pin a site that has no https).
  expect(headers['strict-transport-security']).toBeUndefined();
}

/** Every <script> the server rendered carries this response's nonce (Next puts it there from the request's CSP). */
async function expectNoncedScripts(response: Response) {
  const nonce = nonceOf(response);
  const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
}

/** The page hydrated (its inline RSC payload scripts ran) and a client component works through a server action. */
async function expectInteractive(page: Page) {
  expect(
    await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f)),
  ).toBe(true);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('button', { name: 'Nederlands', pressed: true })).toBeVisible();
}

const PAGES: { name: string; path: string; role?: Role; camera: 'self' | 'none' }[] = [
  { name: 'shop home', path: '/', camera: 'none' },
  { name: 'sign-in', path: '/sign-in', camera: 'none' },
  // The camera only on the counter pages with a camera scanner (lib/security/headers.ts CAMERA_SCAN_PATHS).
  { name: 'counter', path: '/counter', role: 'clerkUtrecht', camera: 'none' },
  { name: 'counter load-cart', path: '/counter/load-cart', role: 'clerkUtrecht', camera: 'self' },
  { name: 'counter returns', path: '/counter/returns', role: 'clerkUtrecht', camera: 'self' },
  { name: 'admin', path: '/admin', role: 'admin', camera: 'none' },
];

for (const p of PAGES) {
  test.describe(`[SECURITY][HEADERS] ${p.name}`, () => {
    if (p.role) test.use({ storageState: storageState(p.role) });

    test(`${p.path} sends the security headers, hydrates with its nonce and breaks no CSP rule`, async ({
      page,
    }) => {
      const violations = await watchCsp(page);
      const staticAssets: Response[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/_next/static/')) staticAssets.push(r);
      });

      const response = await page.goto(p.path);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe(p.path); // signed in as needed, not sent to sign-in
      await expectSecurityHeaders(response, { camera: p.camera });
      await expectNoncedScripts(response!);
      await expectInteractive(page);

      expect(staticAssets.length).toBeGreaterThan(0);
      for (const asset of staticAssets) expect(asset.headers()['x-content-type-options']).toBe('nosniff');
      expect(violations).toEqual([]);
    });
  });
}

test('[SECURITY][HEADERS] every response gets a nonce of its own', async ({ request }) => {
  const [a, b] = await Promise.all([request.get('/sign-in'), request.get('/sign-in')]);
  const nonceA = /'nonce-([^']+)'/.exec(a.headers()['content-security-policy'])?.[1];
  const nonceB = /'nonce-([^']+)'/.exec(b.headers()['content-security-policy'])?.[1];
  expect(nonceA).toBeTruthy();
  expect(nonceA).not.toBe(nonceB);
  // A nonce a client sends along is not the one the page uses.
  const forged = await request.get('/sign-in', {
    headers: { 'x-nonce': 'attacker', 'content-security-policy': "script-src 'nonce-attacker'" },
  });
  expect(forged.headers()['content-security-policy']).not.toContain('attacker');
  expect(await forged.text()).not.toContain('nonce="attacker"');
});

test('[SECURITY][HEADERS] another site cannot frame the sign-in page', async ({ page, baseURL }) => {
  // A real server of another origin on loopback: pages the test fulfils itself count as public, and
  // Chrome's local-network checks would refuse the frame before our header is even read.
  const framer = http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(
      req.url === '/own'
        ? '<h1>Own page</h1>'
        : `<iframe src="/own"></iframe><iframe src="${baseURL}/sign-in"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
    // A page without frame-ancestors loads in its frame; ours is replaced by the browser's error page.
    await expect(
      page.frameLocator('iframe').first().getByRole('heading', { name: 'Own page' }),
    ).toBeVisible();
    await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
    expect(page.frames().map((f) => f.url())).not.toContain(`${baseURL}/sign-in`);
  } finally {
    await new Promise((resolve) => framer.close(resolve));
  }
});

test('[SECURITY][HEADERS] /api/health tells an anonymous caller only that it is up', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
