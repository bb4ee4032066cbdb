import { expect, test } from '@playwright/test';
import { PRODUCTS, VARIANTS, variantLabel } from '../../db/seed-data';
import { formatMoney } from '../../lib/i18n/format';
import { storageState } from '../fixtures/users';

// A variant Utrecht has several of that no other spec sells. The till's cart is its own (one per till
// session), so the other specs' counter carts of this clerk are not touched.
const SKU = 'SUN-SPT-WHT';
const variant = VARIANTS.find((v) => v.sku === SKU)!;
const product = PRODUCTS.find((p) => p.slug === variant.productSlug)!;
const euros = (cents: number) => formatMoney(cents, 'en');
const DENOMINATIONS = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5];

test.use({ storageState: storageState('clerkUtrecht') });

test('[COUNTER][TILL] clerk opens the till, sells for cash, counts and closes with the Z report', async ({ page }) => {
  const tillName = `Till E2E ${Date.now() % 100000}`;
  await page.goto('/counter/till');
  await expect(page.getByRole('heading', { level: 1, name: 'Till' })).toBeVisible();
  await page.getByLabel('Till name').fill(tillName);
  await page.getByLabel('Opening float (€)').fill('100');
  await page.getByRole('button', { name: 'Open till' }).click();
  await expect(page.getByRole('heading', { level: 1, name: tillName })).toBeVisible();
  await expect(page.getByTestId('till-expected')).toHaveText(euros(10000));

  // € 20 of change from the bank.
  await page.getByLabel('Amount (€)').fill('20');
  await page.getByLabel('Reason').fill('Change from the bank');
  await page.getByRole('button', { name: 'Record movement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cash in recorded.' })).toBeVisible();
  await expect(page.getByTestId('till-expected')).toHaveText(euros(12000));
  await expect(page.getByRole('table', { name: 'Cash movements' })).toContainText('Change from the bank');

  // A cash sale on this till.
  await page.goto('/counter');
  await expect(page.getByRole('link', { name: `${tillName} is open on this tablet.` })).toBeVisible();
  const scan = page.getByLabel('Scan or search products');
  await scan.fill(SKU);
  await scan.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Added ${product.nameEn} (${variantLabel(variant)})` })).toBeVisible();
  const cart = page.getByRole('region', { name: 'Counter cart' });
  await cart.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/counter\/checkout$/);
  const totalCents = Number(((await page.getByRole('region', { name: 'To pay' }).textContent()) ?? '').replace(/\D/g, ''));
  expect(totalCents).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cash', exact: true }).click();
  await page.getByLabel('Amount received').fill('100');
  await page.getByRole('button', { name: 'Complete cash payment' }).click();
  await expect(page).toHaveURL(/\/counter\/receipts\/[0-9a-f-]{36}$/);
  const receipt = page.getByRole('article');
  await expect(receipt).toContainText('KvK 12345678'); // the seller's legal details (settings)
  await expect(receipt).toContainText('VAT no. NL004495445B01');

  // Back at the till: the sale's cash is expected in the drawer.
  const expected = 12000 + totalCents;
  await page.goto('/counter/till');
  await expect(page.getByTestId('till-expected')).toHaveText(euros(expected));
  await page.getByRole('link', { name: 'Count and close the till' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Count and close ${tillName}` })).toBeVisible();

  // Count what is there, note by note (cents below 5 cannot be in the drawer: that is the difference).
  let rest = expected;
  for (const d of DENOMINATIONS) {
    const n = Math.floor(rest / d);
    if (n === 0) continue;
    rest -= n * d;
    const label = d >= 500 ? `Number of ${euros(d)} notes` : `Number of ${euros(d)} coins`;
    await page.getByLabel(label, { exact: true }).fill(String(n));
  }
  await expect(page.getByTestId('till-counted')).toHaveText(euros(expected - rest));
  await page.getByRole('button', { name: 'Close till' }).click();

  // The Z report of the session.
  await expect(page).toHaveURL(/\/counter\/till\/sessions\/\d+\?closed=1$/);
  await expect(
    page.getByRole('status').filter({ hasText: `${tillName} is closed. Counted ${euros(expected - rest)}, expected ${euros(expected)}.` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `Z report · ${tillName}` })).toBeVisible();
  await expect(page.getByTestId('z-difference')).toHaveText(euros(rest === 0 ? 0 : -rest));
  await expect(page.getByTestId('z-sales-count')).toHaveText('1');
  await expect(page.getByTestId('z-total')).toHaveText(euros(totalCents));
  await expect(page.getByRole('table', { name: 'Per payment method' })).toContainText('Cash');
  await expect(page.getByRole('table', { name: 'Per channel' })).toContainText('In store');
  await expect(page.getByRole('table', { name: 'VAT per rate' })).toContainText('21 %');
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  // The tablet has no till any more; the store's day report lists the closed one.
  await page.getByRole('link', { name: 'Back to the till' }).click();
  await expect(page.getByRole('heading', { name: 'Open a till' })).toBeVisible();
  await page.getByRole('link', { name: 'Store day report' }).click();
  await expect(page.getByRole('table', { name: 'Tills of the day' })).toContainText(tillName);
});
