import { expect, test } from '@playwright/test';
import { storageState } from '../fixtures/users';

// The counter finds ANY order (here Anna's web orders, placed online) by the customer's email, read-only.
test.use({ storageState: storageState('clerkUtrecht') });

test('[COUNTER][ORDERS] clerk looks up a web order by email', async ({ page }) => {
  await page.goto('/counter/orders');
  await page.getByLabel('Order number, email or phone number').fill('ANNA@example.com');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const results = page.getByRole('table', { name: 'Orders found' });
  await expect(results).toBeVisible();
  const webOrder = results.getByRole('link', { name: /^W-\d+$/ }).first();
  const number = (await webOrder.textContent())?.trim() ?? '';
  await webOrder.click();

  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Items', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByText('Order placed')).toBeVisible();
  // Read-only: no step can be taken from here.
  await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);

  // Something that is no exact email or number finds nothing (no browsing by fragment).
  await page.getByRole('link', { name: 'Find another order' }).click();
  await page.getByLabel('Order number, email or phone number').fill('anna');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.getByText('No order has the number, email or phone number “anna”.')).toBeVisible();
});
