import { expect, test } from '@playwright/test';
import { PRODUCTS, VARIANTS, variantLabel } from '../../db/seed-data';
import { formatMoney } from '../../lib/i18n/format';
import { storageState } from '../fixtures/users';

// The Utrecht clerk's counter cart (shared state: see SHARED_STATE_SPECS in playwright.config.ts).
// A T-shirt Utrecht stocks (4) that no other spec sells.
const SKU = 'TSH-PKT-S-NVY';
const variant = VARIANTS.find((v) => v.sku === SKU)!;
const product = PRODUCTS.find((p) => p.slug === variant.productSlug)!;
const euros = (cents: number) => formatMoney(cents, 'en');

test.use({ storageState: storageState('clerkUtrecht') });

test('[COUNTER][TENDER] part card, rest cash rounded to 5 cents; the receipt shows the rounding line', async ({ page }) => {
  await page.goto('/counter');
  const cart = page.getByRole('region', { name: 'Counter cart' });
  while ((await cart.getByRole('button', { name: /^Remove / }).count()) > 0) {
    const count = await cart.getByRole('button', { name: /^Remove / }).count();
    await cart.getByRole('button', { name: /^Remove / }).first().click();
    await expect(cart.getByRole('button', { name: /^Remove / })).toHaveCount(count - 1);
  }
  const scan = page.getByLabel('Scan or search products');
  await scan.fill(variant.ean);
  await scan.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Added ${product.nameEn} (${variantLabel(variant)})` })).toBeVisible();

  await cart.getByRole('button', { name: 'Pay' }).click();
  await expect(page).toHaveURL(/\/counter\/checkout$/);
  const toPay = await page.getByRole('region', { name: 'To pay' }).textContent();
  const totalCents = Number((toPay ?? '').replace(/\D/g, ''));
  expect(totalCents).toBe(variant.priceCents);

  await page.getByRole('button', { name: 'Cash', exact: true }).click();
  // € 10,02 on the card leaves a cash part that is not a multiple of 5 cents: it is rounded (Dutch practice).
  await page.getByLabel('Part paid by card (optional)').fill('10.02');
  const cashDue = totalCents - 1002;
  const rounding = [0, -1, -2, 2, 1][cashDue % 5];
  const cashToPay = cashDue + rounding;
  expect(rounding).not.toBe(0);
  await expect(page.getByText('Rounding (to 5 cents)')).toBeVisible();
  await expect(page.getByText('Cash to pay')).toBeVisible();
  await expect(page.locator('dd').filter({ hasText: euros(cashToPay) }).first()).toBeVisible();

  const given = Math.ceil(cashToPay / 500) * 500;
  await page.getByLabel('Amount received').fill(String(given / 100));
  await expect(page.getByText(`Change: ${euros(given - cashToPay)}`)).toBeVisible();
  await page.getByRole('button', { name: 'Complete cash payment' }).click();

  await expect(page).toHaveURL(/\/counter\/receipts\//);
  const receipt = page.getByRole('article');
  await expect(receipt.getByText('Split payment')).toBeVisible();
  await expect(receipt.getByText('Card', { exact: true })).toBeVisible();
  await expect(receipt.getByText(euros(1002))).toBeVisible();
  await expect(receipt.getByText('Rounding (cash)')).toBeVisible();
  await expect(receipt.getByText(`${rounding > 0 ? '+' : '−'}${euros(Math.abs(rounding))}`)).toBeVisible();
  await expect(receipt.getByText(euros(cashToPay), { exact: true }).first()).toBeVisible();
  await expect(receipt.getByText(euros(totalCents), { exact: true }).first()).toBeVisible();

  // Screenshots of the receipt (tablet), for the report.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: 'screenshots/rpay/counter-receipt-rounding-en-tablet.png', fullPage: true });
});

// Screenshots for the review (looked at by hand): the checkout's payment-method choice (phone and desktop)
// and the counter's split payment step (tablet), in English and Dutch.
test('[COUNTER][TENDER] screenshots: checkout method choice and counter split payment', async ({ browser, baseURL, page }) => {
  for (const lang of ['en', 'nl'] as const) {
    const shopper = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] }, locale: 'en-GB' });
    const shop = await shopper.newPage();
    await shop.goto('/products/cycling-the-netherlands');
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await expect(shop.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
    await shopper.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
    for (const [device, size] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]] as const) {
      await shop.setViewportSize(size);
      await shop.goto('/checkout');
      await expect(shop.getByRole('radio', { name: 'iDEAL' })).toBeVisible();
      await shop.screenshot({ path: `screenshots/rpay/checkout-method-${lang}-${device}.png`, fullPage: true });
    }
    await shopper.close();
  }

  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await page.goto('/counter');
  const scan = page.getByLabel('Scan or search products');
  await scan.fill(variant.ean);
  await scan.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Added ${product.nameEn}` })).toBeVisible();
  for (const lang of ['en', 'nl'] as const) {
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: lang, url: baseURL! }]);
    for (const [orientation, size] of [['landscape', { width: 1024, height: 768 }], ['portrait', { width: 768, height: 1024 }]] as const) {
      await page.setViewportSize(size);
      await page.goto('/counter/checkout');
      await page.getByRole('button', { name: lang === 'en' ? 'Cash' : 'Contant', exact: true }).click();
      await page.getByLabel(lang === 'en' ? 'Part paid by card (optional)' : 'Deel met pin (optioneel)').fill(lang === 'en' ? '10.02' : '10,02');
      await page.getByLabel(lang === 'en' ? 'Amount received' : 'Ontvangen bedrag').fill('20');
      await page.screenshot({ path: `screenshots/rpay/counter-split-${lang}-tablet-${orientation}.png`, fullPage: true });
    }
  }
  // Leave the Utrecht counter cart empty for whoever comes next.
  await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  await page.goto('/counter');
  const cart = page.getByRole('region', { name: 'Counter cart' });
  await cart.getByRole('button', { name: /^Remove / }).first().click();
  await expect(cart.getByText('The cart is empty')).toBeVisible();
});
