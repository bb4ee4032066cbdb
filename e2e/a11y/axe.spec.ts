import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoVariant } from '../fixtures/catalog';
import { storageState, type Role } from '../fixtures/users';

// Issue 11: axe reports no serious or critical violation on the pages of the three surfaces (WCAG 2.x
// A/AA rules and axe's best practices), in English and Dutch. A page with a violation fails with
// the rule, its impact and the first elements it found.
const SHOE = demoVariant('SHO-RUN-42-BLK');
const SURFACES: { name: string; role: Role | null; viewport: { width: number; height: number }; paths: string[] }[] = [
  { name: 'shop', role: null, viewport: { width: 390, height: 844 }, paths: ['/', '/products', `/products/${SHOE.productSlug}`, '/cart', '/stores', '/sign-in', '/sign-up'] },
  { name: 'account', role: 'customer', viewport: { width: 1280, height: 900 }, paths: ['/account', '/account/loyalty-card'] },
  { name: 'counter', role: 'clerkUtrecht', viewport: { width: 1024, height: 768 }, paths: ['/counter', '/counter/customers', '/counter/orders', '/counter/returns', '/counter/pickups', '/counter/transfers', '/counter/till', '/counter/inbox'] },
  { name: 'admin', role: 'admin', viewport: { width: 1440, height: 900 }, paths: ['/admin', '/admin/orders', '/admin/returns', '/admin/customers', '/admin/products', '/admin/stock', '/admin/promotions', '/admin/promotions/new', '/admin/analytics', '/admin/messages', '/admin/outbox', '/admin/staff', '/admin/settings'] },
];

async function pageAs(browser: Browser, role: Role | null, viewport: { width: number; height: number }, locale: 'en' | 'nl', baseURL: string): Promise<Page> {
  const context = await browser.newContext({ viewport, storageState: role ? storageState(role) : { cookies: [], origins: [] } });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
  return context.newPage();
}

for (const surface of SURFACES) {
  test(`[A11Y] axe: no serious or critical violation on the ${surface.name} pages, English and Dutch`, async ({ browser, baseURL }) => {
    test.setTimeout(60_000 + surface.paths.length * 2 * 15_000);
    const found: string[] = [];
    for (const locale of ['en', 'nl'] as const) {
      const page = await pageAs(browser, surface.role, surface.viewport, locale, baseURL!);
      for (const path of surface.paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBeLessThan(400);
        await expect(page.locator('main').first()).toBeVisible();
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          // An experimental rule, on: a control's name must contain its visible text (WCAG 2.5.3).
          .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
          .analyze();
        for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          found.push(`${locale} ${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
      }
      await page.context().close();
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
