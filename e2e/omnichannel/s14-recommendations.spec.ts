import { expect, test } from '@playwright/test';
import { emptyCounterCart } from '../fixtures/counter';
import { storageState } from '../fixtures/users';

// S14: a customer who bought shoes online sees related products at the counter. Ben (seed) shops only
// online; his delivered web order holds the Canvas Low Sneaker (size 43) and running socks, and he has
// bought a beanie and a backpack online too. The Amsterdam clerk attaches him to the sale (that counter
// cart is shared state: this spec is in SHARED_STATE_SPECS) and takes him off again at the end.
const OWNED = ['Canvas Low Sneaker', 'Cushioned Running Socks', 'Merino Beanie', 'City Backpack'];
const OTHER_SHOES = ['Stride Runner Pro', 'Leather Derby', 'Court Classic Sneaker', 'Trail Runner GTX', 'Suede Loafer', 'City Walker'];

test.use({ storageState: storageState('clerkAmsterdam') });

test('[COUNTER][S14] clerk attaches a web-only shoe buyer and the counter suggests related products for him', async ({ page }) => {
  await emptyCounterCart(page);

  // His panel: the segments from his web orders.
  await page.goto('/counter/customers');
  await page.getByLabel('Email, phone, card number or name').fill('ben@example.com');
  await page.getByRole('button', { name: 'Find customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Smit' })).toBeVisible();
  // The channels he uses are the summary's badge; his other segments are listed beside it.
  await expect(page.getByText('Segment: Web only')).toBeVisible();
  const segments = page.getByRole('list', { name: 'Segments' });
  await expect(segments.getByText('Loyal', { exact: true })).toBeVisible();
  await expect(segments.getByText('Web only', { exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Attach to sale' }).click();
  await expect(page.getByText('Attached to the current sale')).toBeVisible();
  await page.getByRole('link', { name: 'Go to the sale' }).click();
  await expect(page.getByRole('group', { name: 'Customer of this sale' }).getByText('Customer: Ben Smit')).toBeVisible();

  // The sale screen suggests for him: from his purchases (shoes in his size first), never what he owns.
  const suggestions = page.getByRole('region', { name: 'Suggestions for Ben Smit' });
  await expect(suggestions).toBeVisible();
  const items = suggestions.getByRole('link', { name: /^Find .+ in the search$/ });
  await expect(items.first()).toBeVisible();
  const names = await items.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
  expect(names.length).toBeGreaterThan(0);
  expect(names.length).toBeLessThanOrEqual(4);
  for (const owned of OWNED) expect(names).not.toContain(`Find ${owned} in the search`);
  expect(names.some((n) => OTHER_SHOES.some((shoe) => n === `Find ${shoe} in the search`))).toBe(true);
  // Each card shows a price.
  await expect(suggestions.getByText(/€\s?\d/).first()).toBeVisible();

  // A suggestion leads to the product in the counter search.
  await items.first().click();
  await expect(page.getByRole('heading', { name: /^Results for/ })).toBeVisible();

  // Leave the counter cart as found.
  const attached = page.getByRole('group', { name: 'Customer of this sale' });
  await attached.getByRole('button', { name: 'Detach' }).click();
  await expect(attached).toHaveCount(0);
});
