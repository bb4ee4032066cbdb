import { expect, test } from '@playwright/test';
import { storageState } from '../fixtures/users';

// A book (9% VAT) under the free-delivery threshold, stocked in the warehouse: € 29,95 + delivery.
// The fee is put back right after (other specs expect € 4,95), in `finally` even when a step fails.
const PRODUCT_PATH = '/products/sneaker-culture';

test('[ADMIN][SETTINGS] a new delivery fee is charged at checkout', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageState('admin') });
  const shopper = await browser.newContext();
  const page = await admin.newPage();
  const setFee = async (fee: string) => {
    await page.goto('/admin/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const form = page.getByRole('form', { name: 'VAT and delivery' });
    await form.getByLabel('Delivery fee (€)').fill(fee);
    await form.getByRole('button', { name: 'Save VAT and delivery' }).click();
    await expect(form.getByRole('status').filter({ hasText: /Settings saved\.|Nothing changed\./ })).toBeVisible();
  };
  try {
    // Bad input first: a clear message, nothing saved.
    await page.goto('/admin/settings');
    const form = page.getByRole('form', { name: 'VAT and delivery' });
    await form.getByLabel('Delivery fee (€)').fill('-3');
    await form.getByRole('button', { name: 'Save VAT and delivery' }).click();
    await expect(form.getByText('Enter an amount such as 12,50.')).toBeVisible();

    await setFee('6,95');

    const shop = await shopper.newPage();
    await shop.goto(PRODUCT_PATH);
    await shop.getByRole('button', { name: 'Add to cart' }).click();
    await expect(shop.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
    await shop.goto('/checkout');
    await expect(shop.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
    await shop.getByLabel('Email').fill('fee.check@example.com');
    await shop.getByLabel('Full name').fill('Fee Check');
    await shop.getByRole('radio', { name: 'Home delivery' }).check();
    const summary = shop.getByRole('complementary', { name: 'Order summary' });
    await expect(summary).toContainText('€6.95');
    await expect(summary).toContainText('€36.90'); // € 29,95 + € 6,95
  } finally {
    await setFee('4,95');
    await admin.close();
    await shopper.close();
  }
});
