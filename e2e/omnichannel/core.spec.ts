import { expect, test, type Browser, type Page } from '@playwright/test';
import { LAST_UNIT_SKU } from '../../db/seed-data';
import { demoVariant, euros } from '../fixtures/catalog';
import { counterCart, emptyCounterCart } from '../fixtures/counter';
import { storageState, type Role } from '../fixtures/users';

// The omnichannel core (stories S1, S5, S4): what one channel does, every other channel sees.
// These tests share the Utrecht clerk's counter cart: they run one after the other in this file, and
// each starts by emptying it. Several browsers at once make them slower than the default timeout.
test.describe.configure({ timeout: 180_000 });

const UTRECHT = 'Omnishop Utrecht Oudegracht';

async function pageAs(browser: Browser, role: Role | null): Promise<Page> {
  // Without a role: explicitly no session (contexts otherwise inherit the test's `use` options).
  const context = await browser.newContext({ storageState: role ? storageState(role) : { cookies: [], origins: [] } });
  return context.newPage();
}

async function scan(clerk: Page, ean: string) {
  await clerk.goto('/counter');
  const field = clerk.getByLabel('Scan or search products');
  await field.fill(ean);
  await field.press('Enter');
}

/** Picks a size or colour on the product page and waits until the page shows that variant. */
async function chooseOption(page: Page, name: string, sku: string) {
  await page.getByRole('radio', { name, exact: true }).check();
  await expect(page.getByText(`Item number ${sku}`)).toBeVisible();
}

/** Adds the chosen variant and waits for the confirmation: leaving earlier would cancel the action. */
async function addToCart(page: Page) {
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
}

async function storeAvailability(page: Page, store: string) {
  return page.getByRole('list', { name: 'Availability in stores' }).getByRole('listitem').filter({ hasText: store });
}

test('[OMNI][S1] one promotion prices the same on the product page, the web cart and the counter cart; ending it reverts all', async ({ browser }) => {
  const sunglasses = demoVariant('SUN-AVI-GLD');
  const normal = euros(sunglasses.priceCents);
  const discounted = euros(Math.round(sunglasses.priceCents * 0.8));
  const promotionName = `20% off all sunglasses ${Date.now()}`;
  const admin = await pageAs(browser, 'admin');
  const shopper = await pageAs(browser, null);
  const clerk = await pageAs(browser, 'clerkUtrecht');

  // Before: the normal price everywhere. The clerk scans the sunglasses into the counter cart.
  await shopper.goto(`/products/${sunglasses.productSlug}`);
  await chooseOption(shopper, sunglasses.color!, sunglasses.sku);
  await expect(shopper.getByRole('main').getByText(normal).first()).toBeVisible();
  await addToCart(shopper);
  await emptyCounterCart(clerk);
  await scan(clerk, sunglasses.ean);
  await expect(counterCart(clerk).getByText(normal).first()).toBeVisible();

  // The admin creates the promotion for the sunglasses category: from now on, in all channels.
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

  // Web product page (old price struck through), web cart and counter cart: the same discounted price.
  await shopper.reload();
  await expect(shopper.getByRole('main').getByText(discounted).first()).toBeVisible();
  await expect(shopper.locator('s, del').filter({ hasText: normal }).first()).toBeVisible();
  await shopper.goto('/cart');
  await expect(shopper.getByRole('main').getByText(discounted).first()).toBeVisible();
  await clerk.reload();
  await expect(counterCart(clerk).getByText(discounted).first()).toBeVisible();

  // Ending it now reverts every channel at the same moment.
  await admin.goto('/admin/promotions');
  await row.getByRole('button', { name: `End now: ${promotionName}` }).click();
  await admin.getByRole('button', { name: 'Confirm end' }).click();
  await expect(row.getByText('Ended')).toBeVisible();

  await shopper.goto(`/products/${sunglasses.productSlug}`);
  await expect(shopper.getByRole('main').getByText(normal).first()).toBeVisible();
  await expect(shopper.getByRole('main').getByText(discounted)).toHaveCount(0);
  await shopper.goto('/cart');
  await expect(shopper.getByRole('main').getByText(discounted)).toHaveCount(0);
  await clerk.reload();
  await expect(counterCart(clerk).getByText(normal).first()).toBeVisible();
  await expect(counterCart(clerk).getByText(discounted)).toHaveCount(0);
});

test('[OMNI][S5] a counter sale of the last unit shows on the open product page without a reload', async ({ browser }) => {
  const watch = demoVariant(LAST_UNIT_SKU);
  const shopper = await pageAs(browser, null);
  const clerk = await pageAs(browser, 'clerkUtrecht');

  await shopper.goto(`/products/${watch.productSlug}`);
  await chooseOption(shopper, watch.color!, watch.sku);
  const utrecht = await storeAvailability(shopper, UTRECHT);
  await expect(utrecht).toContainText('1 available');

  // The clerk in Utrecht scans and sells the last unit, paid by card.
  await emptyCounterCart(clerk);
  await scan(clerk, watch.ean);
  await expect(counterCart(clerk).getByText(watch.sku)).toBeVisible();
  await counterCart(clerk).getByRole('link', { name: /^Pay/ }).or(counterCart(clerk).getByRole('button', { name: /^Pay/ })).click();
  await clerk.getByRole('button', { name: 'Card', exact: true }).click();
  await clerk.getByRole('button', { name: 'Confirm card payment' }).click();
  await expect(clerk.getByRole('heading', { name: /Receipt S-\d+/ })).toBeVisible();
  await expect(clerk.getByText(/Sale S-\d+ complete/)).toBeVisible();

  // The shopper's page, untouched, updates by itself.
  await expect(utrecht).toContainText('Out of stock', { timeout: 30_000 });
});

test('[OMNI][S4] a web pickup order reserves stock in the store, shows in its pickups list, and is handed over', async ({ browser }) => {
  const shoe = demoVariant('SHO-RUN-44-BLK');
  const customer = await pageAs(browser, 'customer');
  const clerk = await pageAs(browser, 'clerkUtrecht');

  await customer.goto(`/products/${shoe.productSlug}`);
  await chooseOption(customer, shoe.size!, shoe.sku);
  const utrecht = await storeAvailability(customer, UTRECHT);
  const before = Number((await utrecht.textContent())?.match(/(\d+) available/)?.[1]);
  expect(before).toBeGreaterThan(0);
  await addToCart(customer);

  await customer.goto('/checkout');
  await customer.getByLabel('Pick up in store').check();
  const storeSelect = customer.getByLabel('Pickup store');
  await storeSelect.selectOption((await storeSelect.locator('option', { hasText: UTRECHT }).getAttribute('value'))!);
  await customer.getByRole('button', { name: 'Place order and pay' }).click();
  await customer.getByRole('button', { name: 'Pay', exact: true }).click();
  const heading = customer.getByRole('heading', { name: /Order W-\d+/ });
  await expect(heading).toBeVisible();
  const orderNumber = (await heading.textContent())!.match(/W-\d+/)![0];
  const orderPage = customer.url();
  await expect(customer.getByText('Paid').first()).toBeVisible({ timeout: 20_000 });

  // Reserved in Utrecht: one fewer available there.
  await customer.goto(`/products/${shoe.productSlug}`);
  await chooseOption(customer, shoe.size!, shoe.sku);
  await expect(await storeAvailability(customer, UTRECHT)).toContainText(`${before - 1} available`);

  // The Utrecht counter prepares it and hands it over.
  await clerk.goto('/counter/pickups');
  const order = clerk.getByRole('article').filter({ hasText: orderNumber });
  await expect(order).toBeVisible();
  await order.getByRole('button', { name: 'Mark ready' }).click();
  // Wait for the step to be done: leaving the page earlier would cancel it.
  await expect(clerk.getByText(`Order ${orderNumber} is ready for pickup.`)).toBeVisible();
  await clerk.getByRole('link', { name: /Ready for pickup/ }).click();
  // The customer's order page now shows the pickup code they bring to the store.
  await customer.goto(orderPage);
  const code = (await customer.getByText(/^[A-Z0-9]{6}$/).textContent())!.trim();
  const ready = clerk.getByRole('article').filter({ hasText: orderNumber });
  await ready.getByLabel('Pickup code', { exact: true }).fill(code.toLowerCase());
  await ready.getByRole('button', { name: 'Hand over' }).click();
  await clerk.getByRole('dialog').getByRole('button', { name: 'Confirm hand-over' }).click();
  await expect(clerk.getByText(`Order ${orderNumber} has been handed over.`)).toBeVisible();

  await customer.goto('/account');
  await customer.getByRole('link', { name: new RegExp(orderNumber) }).click();
  await expect(customer.getByText('Collected').first()).toBeVisible();
});
