import { expect, test, type Browser, type Page } from '@playwright/test';

// Store finder by postcode (issue #11 item 5, story S5): a Dutch postcode (or the browser's location)
// lists the stores nearest first with distance, today's hours and open/closed now; the product page
// then starts with "N left in <nearest store>". Read-only on the seeded stores and catalog; the offline
// PC4 geocoder answers (no GEOCODER set), so distances are approximate.
const SHOTS = 'screenshots/stores';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

async function shopper(browser: Browser, viewport: { width: number; height: number }, locale: 'en' | 'nl'): Promise<Page> {
  const context = await browser.newContext({ viewport, storageState: { cookies: [], origins: [] } });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: ORIGIN }]);
  return context.newPage();
}

const storeNames = (page: Page) => page.getByRole('list', { name: /Our stores|Onze winkels/ }).getByRole('heading', { level: 2 }).allTextContents();

test('[SHOP][S5] store finder by postcode: nearest first, a bad postcode changes nothing, the product page names the nearest store', async ({ browser }) => {
  const page = await shopper(browser, DESKTOP, 'en');
  await page.goto('/stores');
  await page.getByLabel('Postcode').fill('3511 AZ');
  await page.getByRole('button', { name: 'Find stores' }).click();
  await expect(page.getByRole('heading', { name: 'Nearest to 3511 AZ' })).toBeVisible();
  expect((await storeNames(page))[0]).toBe('Omnishop Utrecht Oudegracht');
  await expect(page.getByText(/^\d+(\.\d)? km$/).first()).toBeVisible();
  await expect(page.getByText(/^(Today \d\d:\d\d–\d\d:\d\d|Closed today)$/).first()).toBeVisible();
  await expect(page.getByText(/^(Open now|Closed now)$/).first()).toBeVisible();

  // A bad postcode: an error under the field, the list stays as it was.
  await page.getByLabel('Postcode').fill('12345');
  await page.getByRole('button', { name: 'Find stores' }).click();
  await expect(page.getByText('Enter a Dutch postcode, like 3511 AZ.')).toBeVisible();
  await expect(page.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
  expect((await storeNames(page))[0]).toBe('Omnishop Utrecht Oudegracht');

  // Amsterdam: Amsterdam first.
  await page.getByLabel('Postcode').fill('1012PK');
  await page.getByRole('button', { name: 'Find stores' }).click();
  await expect(page.getByRole('heading', { name: 'Nearest to 1012 PK' })).toBeVisible();
  expect((await storeNames(page))[0]).toBe('Omnishop Amsterdam Kalverstraat');

  // Remembered (cookie): the product page starts with the nearest store.
  await page.goto('/products?q=court');
  await page.getByRole('link', { name: /Court Classic Sneaker/ }).first().click();
  await expect(page.getByTestId('nearest-store-stock')).toContainText(/(\d+ left|Not in stock) in Omnishop Amsterdam Kalverstraat/);
  const storeList = page.getByRole('list', { name: 'Availability in stores' });
  await expect(storeList.getByRole('listitem').first()).toContainText('Omnishop Amsterdam Kalverstraat');
  await page.context().close();
});

test('[SHOP][S5] "Use my location" lists the stores nearest to the browser’s position', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: PHONE,
    storageState: { cookies: [], origins: [] },
    geolocation: { latitude: 51.9225, longitude: 4.4792 }, // Rotterdam centre
    permissions: ['geolocation'],
  });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: ORIGIN }]);
  const page = await context.newPage();
  await page.goto('/stores');
  await page.getByRole('button', { name: 'Use my location' }).click();
  await expect(page.getByRole('heading', { name: 'Nearest to your location' })).toBeVisible();
  expect((await storeNames(page))[0]).toBe('Omnishop Rotterdam Lijnbaan');
  await context.close();
});

test('[SHOP][S5] screenshots of the store finder on a phone and the desktop, in English and Dutch', async ({ browser }) => {
  // Four full-page screenshots: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  for (const locale of ['en', 'nl'] as const) {
    for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      const page = await shopper(browser, viewport, locale);
      await page.goto('/stores');
      await page.getByLabel('Postcode').fill('3511 AZ');
      await page.getByRole('button', { name: locale === 'en' ? 'Find stores' : 'Zoek winkels' }).click();
      await expect(page.getByRole('heading', { name: locale === 'en' ? 'Nearest to 3511 AZ' : 'Dichtstbij 3511 AZ' })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/store-finder-${name}-${locale}.png`, fullPage: true });
      await page.goto('/products?q=court');
      await page.getByRole('link', { name: /Court Classic/ }).first().click();
      await expect(page.getByTestId('nearest-store-stock')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/product-nearest-store-${name}-${locale}.png`, fullPage: true });
      await page.context().close();
    }
  }
});
