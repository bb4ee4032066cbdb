import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoVariant, euros } from '../fixtures/catalog';
import { storageState } from '../fixtures/users';

// S1 — one price, one promotion: what the admin sets is what the webshop and the counter charge.
const sunglasses = demoVariant('SUN-AVI-GLD');
const normal = euros(sunglasses.priceCents);
const discounted = euros(Math.round(sunglasses.priceCents * 0.8));
const promotionName = `20% off all sunglasses ${Date.now()}`;

async function pageAs(browser: Browser, role: Parameters<typeof storageState>[0] | null): Promise<Page> {
  const context = await browser.newContext(role ? { storageState: storageState(role) } : {});
  return context.newPage();
}

async function counterCartShows(clerk: Page, price: string) {
  await clerk.goto('/counter');
  const cart = clerk.getByRole('region', { name: 'Counter cart' });
  await expect(cart.getByText(price).first()).toBeVisible();
}

test('[OMNI][S1] a promotion prices the same on the product page, the web cart and the counter cart; ending it reverts all', async ({ browser }) => {
  const admin = await pageAs(browser, 'admin');
  const shopper = await pageAs(browser, null);
  const clerk = await pageAs(browser, 'clerkUtrecht');

  // Before: everybody sees the normal price. The clerk puts the sunglasses in the counter cart by scanning.
  await shopper.goto(`/products/${sunglasses.productSlug}`);
  await expect(shopper.getByText(normal).first()).toBeVisible();
  await clerk.goto('/counter');
  const scan = clerk.getByLabel('Scan or search products');
  await scan.fill(sunglasses.ean);
  await scan.press('Enter');
  await counterCartShows(clerk, normal);

  // The admin creates the promotion for the sunglasses category, effective immediately, all channels.
  await admin.goto('/admin/promotions');
  await admin.getByRole('link', { name: 'New promotion' }).click();
  await admin.getByLabel('Name').fill(promotionName);
  await admin.getByLabel('Percentage').check();
  await admin.getByLabel('Value').fill('20');
  await admin.getByLabel('Applies to').selectOption({ label: 'Category' });
  await admin.getByLabel('Category', { exact: true }).selectOption({ label: 'Sunglasses' });
  await admin.getByRole('button', { name: 'Save promotion' }).click();
  const row = admin.getByRole('row', { name: new RegExp(promotionName) });
  await expect(row.getByText('Active')).toBeVisible();

  // Web: product page and cart show the discounted price, with the old one struck through.
  await shopper.goto(`/products/${sunglasses.productSlug}?variant=${encodeURIComponent(sunglasses.sku)}`);
  await expect(shopper.getByText(discounted).first()).toBeVisible();
  await expect(shopper.locator('s, del').getByText(normal).first()).toBeVisible();
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await shopper.goto('/cart');
  await expect(shopper.getByText(discounted).first()).toBeVisible();

  // Counter: the same price, computed by the same function.
  await counterCartShows(clerk, discounted);

  // The admin ends it now: every channel reverts at the same moment.
  await admin.goto('/admin/promotions');
  await row.getByRole('button', { name: `End ${promotionName} now` }).click();
  const confirm = admin.getByRole('button', { name: 'Confirm end' });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await expect(row.getByText('Ended')).toBeVisible();

  await shopper.goto(`/products/${sunglasses.productSlug}`);
  await expect(shopper.getByText(discounted)).toHaveCount(0);
  await expect(shopper.getByText(normal).first()).toBeVisible();
  await shopper.goto('/cart');
  await expect(shopper.getByText(discounted)).toHaveCount(0);
  await counterCartShows(clerk, normal);
  await expect(clerk.getByRole('region', { name: 'Counter cart' }).getByText(discounted)).toHaveCount(0);
});
