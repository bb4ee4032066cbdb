import { expect, test, type Browser, type Page } from '@playwright/test';
import { STORY_SKUS } from '../../db/seed-data';
import { demoVariant } from '../fixtures/catalog';
import { storageState, type Role } from '../fixtures/users';

// S2, bought online, exchanged in store: a new shopper buys running shoes (and a book) online with a 10 %
// code, delivered through the admin's order screen; at the Utrecht counter the clerk finds the order by
// its number, takes the pair back and hands out the next size from Utrecht stock in one exchange at no
// charge, then takes the book back to store credit. Utrecht stock of the returned size is one up, of the
// new size one down; the account and the admin show the exchange. Screenshots of the counter flow.
test.describe.configure({ timeout: 240_000 });

const UTRECHT = 'Omnishop Utrecht Oudegracht';
const SHOT_DIR = 'screenshots/rcounter';

async function pageAs(browser: Browser, role: Role | null, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ storageState: role ? storageState(role) : { cookies: [], origins: [] }, ...(viewport ? { viewport } : {}) });
  return context.newPage();
}

const TABLET = [
  ['landscape', { width: 1024, height: 768 }],
  ['portrait', { width: 768, height: 1024 }],
] as const;

async function tabletAs(browser: Browser, viewport: { width: number; height: number }, locale: 'en' | 'nl', origin: string): Promise<Page> {
  const tablet = await pageAs(browser, 'clerkUtrecht', viewport);
  await tablet.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: origin }]);
  return tablet;
}

/** "N available" for Utrecht on the product page of `sku`. */
async function utrechtAvailable(page: Page, productSlug: string, size: string, sku: string): Promise<number> {
  await page.goto(`/products/${productSlug}`);
  await page.getByRole('radio', { name: size, exact: true }).check();
  await expect(page.getByText(`Item number ${sku}`)).toBeVisible();
  const row = page.getByRole('list', { name: 'Availability in stores' }).getByRole('listitem').filter({ hasText: UTRECHT });
  const text = (await row.textContent()) ?? '';
  return Number(text.match(/(\d+) available/)?.[1] ?? 0);
}

test('[COUNTER][S2] a web order with a 10% code is exchanged for the next size at the Utrecht counter at no charge, and a book goes back to store credit', async ({
  browser,
}) => {
  const shoe = demoVariant(STORY_SKUS.runningShoe);
  const next = demoVariant(STORY_SKUS.runningShoeNextSize);
  const stamp = String(Date.now()).slice(-8);
  const code = `S2-${stamp}`;
  const admin = await pageAs(browser, 'admin');

  // A 10 % code for every channel (a code-only promotion: nothing else in the shop changes price).
  await admin.goto('/admin/promotions');
  await admin.getByRole('link', { name: 'New promotion' }).click();
  await admin.getByLabel('Name').fill(`S2 ten percent ${stamp}`);
  await admin.getByLabel('Percentage').check();
  await admin.getByLabel('Value').fill('10');
  await admin.getByLabel('Promotion code').fill(code);
  await admin.getByRole('button', { name: 'Save promotion' }).click();
  await expect(admin.getByRole('row', { name: new RegExp(`S2 ten percent ${stamp}`) })).toBeVisible();

  // A new shopper with an account (store credit needs a profile) buys the shoes in 42 and a book.
  const shopper = await pageAs(browser, null);
  await shopper.goto('/sign-up');
  await shopper.getByLabel('Full name').fill('Sam Exchange');
  await shopper.getByLabel('Email').fill(`sam.s2.${stamp}@example.com`);
  await shopper.getByLabel('Password', { exact: true }).fill('s2 password 123');
  await shopper.getByLabel('Repeat password').fill('s2 password 123');
  await shopper.getByRole('button', { name: 'Create account' }).click();
  await expect(shopper).toHaveURL(/\/account/);

  const before42 = await utrechtAvailable(shopper, shoe.productSlug, shoe.size!, shoe.sku);
  const before43 = await utrechtAvailable(shopper, next.productSlug, next.size!, next.sku);
  expect(before43).toBeGreaterThan(0);
  await utrechtAvailable(shopper, shoe.productSlug, shoe.size!, shoe.sku);
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await expect(shopper.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await shopper.goto('/products/amsterdam-streets');
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await expect(shopper.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await shopper.goto('/cart');
  await shopper.getByLabel('Promotion code').fill(code);
  await shopper.getByRole('button', { name: 'Apply' }).click();
  await expect(shopper.getByRole('main').getByText(code).first()).toBeVisible();

  await shopper.goto('/checkout');
  await shopper.getByRole('radio', { name: 'Home delivery' }).check();
  await shopper.getByLabel('Street and number').fill('Oudegracht 12');
  await shopper.getByLabel('Postcode').fill('3511 AB');
  await shopper.getByLabel('City').fill('Utrecht');
  await shopper.getByRole('button', { name: 'Place order and pay' }).click();
  await expect(shopper).toHaveURL(/\/pay\/tp_/);
  await shopper.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(shopper).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderPage = shopper.url();
  const heading = shopper.getByRole('heading', { level: 1, name: /^Order W-\d+$/ });
  const number = ((await heading.textContent()) ?? '').replace('Order ', '').trim();
  await expect(shopper.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  // The order page carries the order number as a barcode for the counter.
  await expect(shopper.getByRole('img', { name: `Barcode of order ${number}` })).toBeVisible();

  // Delivered, through the admin's order screen.
  await admin.goto('/admin/orders');
  await admin.getByLabel('Search orders').fill(number);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  await admin.getByRole('link', { name: number, exact: true }).click();
  await admin.getByLabel('Carrier').fill('PostNL');
  await admin.getByLabel('Tracking number').fill(`3S${stamp}`);
  await admin.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(admin.getByRole('button', { name: 'Mark delivered' })).toBeVisible();
  await admin.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `Order ${number} is marked delivered.` })).toBeVisible();

  // The return page with the exchange step open, on a tablet in both orientations, English and Dutch.
  for (const [orientation, viewport] of TABLET) {
    for (const locale of ['en', 'nl'] as const) {
      const tablet = await tabletAs(browser, viewport, locale, new URL(admin.url()).origin);
      await tablet.goto(`/counter/returns?q=${number}`);
      await expect(tablet.getByRole('heading', { level: 1, name: new RegExp(number) })).toBeVisible();
      await tablet.getByRole('button', { name: locale === 'nl' ? 'Ruilen' : 'Exchange', exact: true }).click();
      await tablet.getByRole('button', { name: locale === 'nl' ? /^Eén .*\(42 · Zwart\) meer$/ : /^One more .*\(42 · Black\)$/ }).click();
      await tablet.screenshot({ path: `${SHOT_DIR}/counter-return-order-${orientation}-${locale}.png`, fullPage: true });
      await tablet.context().close();
    }
  }

  // At the Utrecht counter (a tablet, landscape): found by its number, as a scanner would type it.
  const clerk = await pageAs(browser, 'clerkUtrecht', { width: 1024, height: 768 });
  await clerk.goto('/counter/returns');
  await clerk.screenshot({ path: `${SHOT_DIR}/counter-returns-find-landscape-en.png` });
  const find = clerk.getByLabel('Order number, RMA, email or phone number');
  await find.fill(number);
  await find.press('Enter');
  await expect(clerk.getByRole('heading', { level: 1, name: `Return from order ${number}` })).toBeVisible();
  await expect(clerk.getByText(/Returnable until/)).toBeVisible();

  const shoeName = new RegExp(`^Reason for .*\\(${shoe.size} · Black\\)$`);
  await clerk.getByRole('button', { name: 'Exchange', exact: true }).click();
  await clerk.getByRole('button', { name: /^One more .*\(42 · Black\)$/ }).click();
  await clerk.getByLabel(shoeName).selectOption('too_small');
  const replacement = clerk.getByLabel(/^Replacement for .*\(42 · Black\)$/);
  await replacement.selectOption({ label: `43 · Black — ${before43} in this store` });
  await clerk.screenshot({ path: `${SHOT_DIR}/counter-exchange-form-landscape-en.png`, fullPage: true });
  await clerk.getByRole('button', { name: 'Take back and exchange' }).click();

  const done = clerk.getByRole('heading', { level: 1, name: /^Exchange R-\d+ complete: hand over S-\d+$/ });
  await expect(done).toBeVisible();
  await expect(clerk.getByText('No charge: the price paid stays.')).toBeVisible();
  const receipt = clerk.getByRole('article', { name: /^Exchange R-\d+$/ });
  await expect(receipt.getByText(/43 · Black/)).toBeVisible();
  await clerk.screenshot({ path: `${SHOT_DIR}/counter-exchange-done-landscape-en.png`, fullPage: true });

  // Stock in Utrecht: the returned 42 is back on the shelf, the 43 left it.
  expect(await utrechtAvailable(shopper, shoe.productSlug, shoe.size!, shoe.sku)).toBe(before42 + 1);
  expect(await utrechtAvailable(shopper, next.productSlug, next.size!, next.sku)).toBe(before43 - 1);

  const exchangeUrl = clerk.url();

  // The book goes back to store credit.
  await clerk.goto('/counter/returns');
  await find.fill(number);
  await find.press('Enter');
  await expect(clerk.getByText('Earlier returns')).toBeVisible();
  await clerk.getByRole('button', { name: /^One more Amsterdam/ }).click();
  await clerk.getByLabel(/^Reason for Amsterdam/).selectOption('changed_mind');
  await clerk.getByRole('radio', { name: /^Store credit/ }).check();
  await clerk.getByRole('button', { name: 'Take back and refund' }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: /^Return R-\d+ complete$/ })).toBeVisible();
  await expect(clerk.getByText(/refunded to Store credit/)).toBeVisible();
  await expect(clerk.getByRole('link', { name: /^Credit note .* \(PDF\)$/ })).toBeVisible();

  // The account's order page and the admin's order show the exchange.
  await shopper.goto(orderPage);
  await expect(shopper.getByText('Exchanged').first()).toBeVisible();
  await admin.reload();
  await expect(admin.getByText('Exchanged').first()).toBeVisible();

  // The receipt of the exchange on a tablet, both orientations, English and Dutch.
  for (const [orientation, viewport] of TABLET) {
    for (const locale of ['en', 'nl'] as const) {
      const tablet = await tabletAs(browser, viewport, locale, new URL(exchangeUrl).origin);
      await tablet.goto(exchangeUrl);
      await expect(tablet.getByRole('article')).toBeVisible();
      await tablet.screenshot({ path: `${SHOT_DIR}/counter-exchange-receipt-${orientation}-${locale}.png`, fullPage: true });
      await tablet.context().close();
    }
  }
});
