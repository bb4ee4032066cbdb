import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState, type Role } from '../fixtures/users';

// An admin ships a web order: found in /admin/orders by the phone number typed another way than at
// checkout, marked shipped with carrier and tracking number; the shopper's order page shows both.
test.describe.configure({ timeout: 120_000 });

async function pageAs(browser: Browser, role: Role | null): Promise<Page> {
  const context = await browser.newContext({ storageState: role ? storageState(role) : { cookies: [], origins: [] } });
  return context.newPage();
}

/** A guest orders a book for home delivery and pays with the test provider; returns the order number. */
async function guestDeliveryOrder(page: Page, details: { email: string; phone: string }): Promise<string> {
  await page.goto('/products/amsterdam-streets');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await page.goto('/checkout');
  await page.getByLabel('Email').fill(details.email);
  await page.getByLabel('Full name').fill('Tessa Track');
  await page.getByLabel('Phone (optional)').fill(details.phone);
  await page.getByRole('radio', { name: 'Home delivery' }).check();
  await page.getByLabel('Street and number').fill('Oudegracht 12');
  await page.getByLabel('Postcode').fill('3511 AB');
  await page.getByLabel('City').fill('Utrecht');
  await page.getByRole('button', { name: 'Place order and pay' }).click();
  await expect(page).toHaveURL(/\/pay\/tp_/);
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  const heading = (await page.getByRole('heading', { level: 1, name: /^Order W-\d+$/ }).textContent()) ?? '';
  return heading.replace('Order ', '').trim();
}

test('[ADMIN][ORDERS] admin ships a web order with tracking and the customer sees it', async ({ browser }) => {
  // A Dutch mobile number unique to this run: 06-1 + 7 digits (06-7… is not issued: checkout refuses it).
  const digits = `1${String(Date.now()).slice(-7)}`;
  const shopper = await pageAs(browser, null);
  const number = await guestDeliveryOrder(shopper, { email: `tessa.${digits}@example.com`, phone: `06 ${digits}` });

  // The admin finds it by the phone number written the international way.
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin/orders');
  await admin.getByLabel('Search orders').fill(`+31 6 ${digits.slice(0, 4)} ${digits.slice(4)}`);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(admin.getByText('1 order', { exact: true })).toBeVisible();
  await admin.getByRole('link', { name: number, exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(admin.getByRole('heading', { name: 'Items as charged' })).toBeVisible();

  // Marked shipped with PostNL and a tracking number.
  await admin.getByLabel('Carrier').fill('PostNL');
  await admin.getByLabel('Tracking number').fill('3SOMNI1234567');
  await admin.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `Order ${number} is marked shipped with PostNL.` })).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Mark delivered' })).toBeVisible();
  await expect(admin.getByText('Shipped with PostNL', { exact: true })).toBeVisible();

  // The shopper's order page shows carrier and tracking number, with PostNL's tracking link.
  await shopper.reload();
  await expect(shopper.getByText('Shipped with PostNL', { exact: true })).toBeVisible();
  await expect(shopper.getByText('3SOMNI1234567')).toBeVisible();
  await expect(shopper.getByRole('link', { name: 'Track your parcel' })).toHaveAttribute('href', /^https:\/\/jouw\.postnl\.nl\/track-and-trace\/3SOMNI1234567\//);
});
