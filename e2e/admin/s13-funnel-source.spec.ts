import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { STOCK } from '../../db/seed-data';
import { demoVariant } from '../fixtures/catalog';
import { storageState } from '../fixtures/users';

// S13: a visit that arrives from the newsletter and ends in an order shows in the funnel under that source.
// A campaign of its own per run, so the row is this visit's alone (earlier runs and other specs add theirs).
// A book with the most warehouse stock, delivered: the spec never depends on the delivery fee or a store's stock.
const SHOTS = 'screenshots/analytics';
const BOOK = demoVariant(
  STOCK.filter((s) => s.sku.startsWith('BOK-') && s.location === 'WH').sort((a, b) => b.onHand - a.onHand)[0]!.sku,
);

test('[ADMIN][ANALYTICS][S13] a newsletter visit that ends in an order shows in the funnel by source', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const campaign = `s13-${Date.now()}`;
  const landing = `/?utm_source=newsletter&utm_medium=email&utm_campaign=${campaign}`;

  // The shopper: a fresh browser, analytics accepted in the consent banner.
  const shopper = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const guest = await shopper.newPage();
  await guest.goto(landing);
  await guest.getByRole('button', { name: 'Accept analytics cookies' }).click();
  // The choice is saved as a first-party cookie (the banner's own look afterwards is not under test here).
  await expect.poll(async () => (await shopper.cookies()).find((c) => c.name === 'omnishop_consent')?.value).toBe('all');
  // Landing on the newsletter link again, now with consent: the proxy keeps the visit's source.
  await guest.goto(landing);

  await guest.goto(`/products/${BOOK.productSlug}`);
  await expect(guest.getByRole('heading', { level: 1 })).toBeVisible();
  await guest.getByRole('button', { name: 'Add to cart' }).click();
  await expect(guest.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await expect(guest.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();

  await guest.getByRole('link', { name: 'View cart' }).click();
  await expect(guest.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  await guest.getByRole('link', { name: 'Checkout' }).click();
  await expect(guest.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await guest.getByLabel('Email').fill(`s13.${Date.now()}@example.com`);
  await guest.getByLabel('Full name').fill('Nina Nieuwsbrief');
  await guest.getByRole('radio', { name: 'Home delivery' }).check();
  await guest.getByLabel('Street and number').fill('Nieuwsbriefstraat 13');
  await guest.getByLabel('Postcode').fill('1013 AB');
  await guest.getByLabel('City').fill('Amsterdam');
  await guest.getByRole('button', { name: 'Place order and pay' }).click();

  await expect(guest).toHaveURL(/\/pay\/tp_/);
  await expect(guest.getByRole('heading', { name: 'Omnipay test checkout' })).toBeVisible();
  await guest.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(guest).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(guest.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  await shopper.close();

  // The admin: Analytics from the navigation, the funnel by source and campaign (default range: the last 30 days).
  const adminContext = await browser.newContext({ storageState: storageState('admin'), viewport: { width: 1440, height: 900 } });
  const admin = await adminContext.newPage();
  await admin.goto('/admin');
  await admin.getByRole('navigation', { name: 'Admin navigation' }).getByRole('link', { name: 'Analytics', exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  await expect(admin.getByRole('heading', { level: 2, name: 'Funnel: view → cart → checkout → order' })).toBeVisible();

  const bySource = admin.getByRole('table', { name: 'Funnel by source and campaign' });
  const row = bySource.getByRole('row').filter({ hasText: campaign });
  // Touchpoints are written without slowing the shop's pages; the page is read again until they are in.
  await expect(async () => {
    await admin.reload();
    await expect(row).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const cells = row.getByRole('cell');
  // Source, Campaign, Viewed, Added to cart, drop-off, Checkout, drop-off, Ordered, drop-off.
  await expect(cells.nth(0)).toHaveText('newsletter');
  await expect(cells.nth(1)).toHaveText(campaign);
  await expect(cells.nth(2)).toHaveText('1');
  await expect(cells.nth(3)).toHaveText('1');
  await expect(cells.nth(5)).toHaveText('1');
  await expect(cells.nth(7)).toHaveText('1');
  await expect(cells.nth(8)).toHaveText('0.0%');

  // Its CSV has the same row, for the same filter.
  const csvLink = admin.getByRole('link', { name: 'Download CSV — Funnel by source and campaign' });
  const csv = await admin.request.get((await csvLink.getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(`newsletter,${campaign},1,1,1,1,0,0,0`);

  // A reversed range is refused with a clear message, and no table is computed.
  await admin.goto('/admin/analytics?from=2026-12-31&to=2026-01-01');
  await expect(admin.getByRole('alert').filter({ hasText: 'The start date is after the end date.' })).toBeVisible();
  await expect(admin.getByRole('table')).toHaveCount(0);

  // The page with its charts at desktop size, in both languages, for the screenshots.
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [locale, title] of [['en', 'Analytics'], ['nl', 'Analyse']] as const) {
    await adminContext.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
    await admin.goto('/admin/analytics');
    await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(admin.locator('figure[role="img"] svg').first()).toBeVisible();
    await admin.screenshot({ path: `${SHOTS}/admin-analytics-${locale}.png`, fullPage: true });
  }
  await adminContext.close();
});

test.describe('[SECURITY][ANALYTICS] clerk', () => {
  test.use({ storageState: storageState('clerkUtrecht') });

  test('is refused the analytics page and every CSV of it', async ({ page }) => {
    const response = await page.goto('/admin/analytics');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
    for (const table of ['sales', 'funnel-channel', 'funnel-source', 'channel-share', 'promotions', 'satisfaction']) {
      const csv = await page.request.get(`/api/admin/analytics/${table}`);
      expect(csv.status(), table).toBe(403);
    }
  });
});
