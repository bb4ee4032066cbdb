import { expect, test } from '@playwright/test';

test('[SHOP][CART] unknown promotion code is refused', async ({ page }) => {
  await page.goto('/products/stijl-magazine');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await page.goto('/cart');

  const total = await page.getByTestId('order-total').textContent();
  await page.getByLabel('Promotion code').fill('NO-SUCH-CODE');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('We do not know this code. Check the spelling.')).toBeVisible();
  await expect(page.getByLabel('Promotion code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: /Remove code/ })).toHaveCount(0);
  await expect(page.getByTestId('order-total')).toHaveText(total ?? '');

  // The same in Dutch.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Je winkelwagen' })).toBeVisible();
  await page.getByLabel('Actiecode').fill('BESTAATNIET');
  await page.getByRole('button', { name: 'Toepassen' }).click();
  await expect(page.getByText('Deze code kennen we niet. Controleer de spelling.')).toBeVisible();
});

test('[SHOP][CART] quantity can be changed and a line removed', async ({ page }) => {
  await page.goto('/products/stijl-magazine');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await page.goto('/cart');

  const quantity = page.getByLabel('Quantity for Stijl Magazine, spring issue');
  await page.getByRole('button', { name: 'One more Stijl Magazine, spring issue' }).click();
  await expect(quantity).toHaveValue('2');
  await quantity.fill('4');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('link', { name: 'Cart, 4 items' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Stijl Magazine, spring issue' }).click();
  await expect(page.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
});
