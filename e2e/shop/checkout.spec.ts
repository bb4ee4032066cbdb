import { expect, test } from '@playwright/test';

// A book (9% VAT) under the free-delivery threshold, stocked in the warehouse: € 29,95 + € 4,95 delivery.
// Not one of the SKUs the cross-channel specs count stock of (WAT-MIN-BLK, SUN-AVI-GLD).
const PRODUCT = 'Sneaker Culture';

test('[SHOP][CHECKOUT] guest orders for home delivery and pays with the test provider', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'All products' })
    .click();
  await page.getByLabel('Search products').fill(PRODUCT);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('link', { name: new RegExp(PRODUCT) }).click();

  await expect(page.getByRole('heading', { level: 1, name: PRODUCT })).toBeVisible();
  await expect(page.getByText('Home delivery: in stock')).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();

  await page.getByRole('link', { name: 'View cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  await expect(page.getByRole('heading', { name: PRODUCT })).toBeVisible();
  await expect(page.getByLabel(`Quantity for ${PRODUCT}`)).toHaveValue('1');
  await page.getByRole('link', { name: 'Checkout' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await page.getByLabel('Email').fill('greta.guest@example.com');
  await page.getByLabel('Full name').fill('Greta Gast');
  await page.getByRole('radio', { name: 'Home delivery' }).check();
  await page.getByLabel('Street and number').fill('Oudegracht 12');
  await page.getByLabel('Postcode').fill('3511 AB');
  await page.getByLabel('City').fill('Utrecht');
  const summary = page.getByRole('complementary', { name: 'Order summary' });
  await expect(summary).toContainText('€4.95');
  await expect(summary).toContainText('€34.90');
  await page.getByRole('button', { name: 'Place order and pay' }).click();

  // The provider's hosted page.
  await expect(page).toHaveURL(/\/pay\/tp_/);
  await expect(page.getByRole('heading', { name: 'Omnipay test checkout' })).toBeVisible();
  await expect(page.getByTestId('payment-amount')).toHaveText('€34.90');
  await page.getByRole('button', { name: 'Pay', exact: true }).click();

  // Back in the shop: the webhook arrives asynchronously; the order's live topic refreshes the page when it has.
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Order W-\d+$/ })).toBeVisible();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Payment received' })).toBeVisible();
  await expect(page.getByText('Oudegracht 12')).toBeVisible();
  await expect(page.getByText('Including 9% VAT')).toBeVisible();

  // The cart was turned into the order.
  await expect(page.getByRole('link', { name: 'Cart, empty' })).toBeVisible();
});

test('[SHOP][CHECKOUT] a failed payment can be tried again', async ({ page }) => {
  await page.goto('/products/cycling-the-netherlands');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await page.goto('/checkout');
  await page.getByLabel('Email').fill('pim.pickup@example.com');
  await page.getByLabel('Full name').fill('Pim Pickup');
  await page.getByRole('radio', { name: 'Pick up in store' }).check();
  // A store that has it (the list says so per store).
  const store = page.getByLabel('Pickup store').locator('option', { hasText: 'everything in stock' }).first();
  await page.getByLabel('Pickup store').selectOption((await store.getAttribute('value'))!);
  await page.getByRole('button', { name: 'Place order and pay' }).click();

  await expect(page).toHaveURL(/\/pay\/tp_/);
  await page.getByRole('button', { name: 'Fail payment' }).click();
  await expect(page.getByRole('heading', { name: 'Your payment did not go through' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Awaiting payment', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page).toHaveURL(/\/pay\/tp_/);
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Pick up at' })).toBeVisible();
});
