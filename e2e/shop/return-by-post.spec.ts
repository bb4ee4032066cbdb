import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState } from '../fixtures/users';

// A return started online by post and handled by the warehouse: a guest's delivered order, "Return items"
// on the phone (one unit, too small, by post), the label page and its PDF; in /admin/returns the
// warehouse finds the RMA, receives the parcel and refunds it to the original payment; the order page
// then shows the refund and the credit note to download. Screenshots in en and nl.
test.describe.configure({ timeout: 180_000 });

const SHOTS = 'screenshots/rweb';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function withLocale(page: Page, locale: 'en' | 'nl', run: () => Promise<void>) {
  const url = new URL(page.url());
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, domain: url.hostname, path: '/' }]);
  await page.reload();
  await run();
}

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState('admin'), viewport: DESKTOP });
  return context.newPage();
}

test('[SHOP][RETURN] a guest returns a delivered item by post; the warehouse receives and refunds it; the order shows refund and credit note', async ({ browser }) => {
  const digits = `1${String(Date.now()).slice(-7)}`;
  const shopper = await (await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: PHONE, hasTouch: true, isMobile: true })).newPage();

  // A guest buys a book for home delivery and pays with the test provider.
  await shopper.goto('/products/amsterdam-streets');
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await expect(shopper.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await shopper.goto('/checkout');
  await shopper.getByLabel('Email').fill(`rosa.${digits}@example.com`);
  await shopper.getByLabel('Full name').fill('Rosa Retour');
  await shopper.getByLabel('Phone (optional)').fill(`06 ${digits}`);
  await shopper.getByRole('radio', { name: 'Home delivery' }).check();
  await shopper.getByLabel('Street and number').fill('Oudegracht 12');
  await shopper.getByLabel('Postcode').fill('3511 AB');
  await shopper.getByLabel('City').fill('Utrecht');
  await shopper.getByRole('button', { name: 'Place order and pay' }).click();
  await expect(shopper).toHaveURL(/\/pay\/tp_/);
  await shopper.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(shopper).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(shopper.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  const orderUrl = shopper.url();
  const orderId = orderUrl.split('/').pop()!;
  const number = ((await shopper.getByRole('heading', { level: 1, name: /^Order W-\d+$/ }).textContent()) ?? '').replace('Order ', '').trim();

  // The admin ships and delivers it.
  const admin = await adminPage(browser);
  await admin.goto(`/admin/orders/${orderId}`);
  await admin.getByLabel('Carrier').fill('PostNL');
  await admin.getByLabel('Tracking number').fill('3SOMNI7654321');
  await admin.getByRole('button', { name: 'Mark shipped' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `Order ${number} is marked shipped with PostNL.` })).toBeVisible();
  await admin.getByRole('button', { name: 'Mark delivered' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `Order ${number} is marked delivered.` })).toBeVisible();

  // On the phone: "Return items", one unit, too small, by post.
  await shopper.reload();
  await shopper.getByRole('link', { name: 'Return items' }).click();
  await expect(shopper.getByRole('heading', { level: 1, name: 'Return items' })).toBeVisible();
  await withLocale(shopper, 'nl', async () => {
    await expect(shopper.getByRole('heading', { level: 1, name: 'Artikelen retourneren' })).toBeVisible();
    await shot(shopper, 'return-form-phone-nl');
  });
  await withLocale(shopper, 'en', async () => {
    await expect(shopper.getByRole('heading', { level: 1, name: 'Return items' })).toBeVisible();
  });
  await shopper.getByLabel('Amsterdam Street Style: Quantity').selectOption('1');
  await shopper.getByLabel('Amsterdam Street Style: Reason').selectOption({ label: 'Too small' });
  await expect(shopper.getByRole('radio', { name: /By post/ })).toBeChecked();
  await shot(shopper, 'return-form-phone-en');
  await shopper.getByRole('button', { name: 'Request return' }).click();
  await expect(shopper).toHaveURL(/\/returns\/[0-9a-f-]{36}$/);
  const rmaHeading = shopper.getByRole('heading', { level: 1, name: /^Return R-\d+$/ });
  await expect(rmaHeading).toBeVisible();
  const rma = ((await rmaHeading.textContent()) ?? '').replace('Return ', '').trim();
  await expect(shopper.getByRole('img', { name: `Barcode of return number ${rma}` })).toBeVisible();
  await expect(shopper.getByText('Requested', { exact: true })).toBeVisible();
  const labelDownload = shopper.waitForEvent('download');
  await shopper.getByRole('link', { name: 'Download return label (PDF)' }).click();
  expect((await labelDownload).suggestedFilename()).toBe(`return-label-${rma}.pdf`);
  await shot(shopper, 'return-label-phone-en');
  await withLocale(shopper, 'nl', async () => {
    await expect(shopper.getByRole('heading', { level: 1, name: `Retour ${rma}` })).toBeVisible();
    await shot(shopper, 'return-label-phone-nl');
  });
  await withLocale(shopper, 'en', async () => {
    await expect(rmaHeading).toBeVisible();
  });

  // The warehouse: the RMA in /admin/returns, received in good condition, refunded to the original payment.
  await admin.goto('/admin/returns');
  await admin.getByLabel('Search returns').fill(rma);
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(admin.getByText('1 return', { exact: true })).toBeVisible();
  await shot(admin, 'admin-returns-list-en');
  await admin.getByRole('link', { name: rma, exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1, name: `Return ${rma}` })).toBeVisible();
  await expect(admin.getByLabel('Condition of 1 × Amsterdam Street Style', { exact: false })).toHaveValue('resellable');
  await shot(admin, 'admin-return-detail-en');
  // Each step's visible result is the next step's form (the page is rendered again with the new status).
  await admin.getByRole('button', { name: 'Mark received' }).click();
  const refundButton = admin.getByRole('button', { name: /^Refund €/ });
  await expect(refundButton).toBeVisible();
  await admin.getByRole('radio', { name: /The original payment method/ }).check();
  await refundButton.click();
  await expect(admin.getByRole('link', { name: /^Download credit note C-/ })).toBeVisible();
  await expect(refundButton).toBeHidden();
  await shot(admin, 'admin-return-refunded-en');
  await withLocale(admin, 'nl', async () => {
    await expect(admin.getByRole('heading', { level: 1, name: `Retour ${rma}` })).toBeVisible();
    await shot(admin, 'admin-return-refunded-nl');
    await admin.goto('/admin/returns');
    await shot(admin, 'admin-returns-list-nl');
  });

  // The order page shows the refund and the credit note.
  await shopper.goto(orderUrl);
  const afterSales = shopper.getByRole('region', { name: 'Returns and refunds' });
  await expect(afterSales.getByRole('link', { name: rma })).toBeVisible();
  await expect(afterSales.getByText(/^To Online payment · /).first()).toBeVisible();
  const creditNoteLink = afterSales.getByRole('link', { name: /^Download credit note C-/ });
  await expect(creditNoteLink).toBeVisible();
  const noteDownload = shopper.waitForEvent('download');
  await creditNoteLink.click();
  expect((await noteDownload).suggestedFilename()).toMatch(/^credit-note-C-[\w-]+\.pdf$/);
  await afterSales.scrollIntoViewIfNeeded();
  await shot(shopper, 'order-refund-credit-note-phone-en');
  await withLocale(shopper, 'nl', async () => {
    await expect(shopper.getByRole('region', { name: 'Retouren en terugbetalingen' })).toBeVisible();
    await shot(shopper, 'order-refund-credit-note-phone-nl');
  });
});
