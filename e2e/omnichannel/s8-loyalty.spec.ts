import { expect, test, type Browser, type Page } from '@playwright/test';
import { STOCK, VARIANTS } from '../../db/seed-data';
import { euros } from '../fixtures/catalog';
import { counterCart, emptyCounterCart } from '../fixtures/counter';
import { storageState, type Role } from '../fixtures/users';

// Story S8: points earned online show at the counter, are spent there, and the account page shows the
// new balance. Default rates (settings 'loyalty'): 1 point per whole euro of goods, 100 points = € 1.
test.describe.configure({ timeout: 180_000 });

const UTRECHT = 'Omnishop Utrecht Oudegracht';
// A variant that Utrecht has several of and no other spec uses (the web order reserves one, the counter sells one).
const TAKEN = /^(SHO-RUN|SUN-AVI|SOC-STP|BOK-|BAG-PAN|SHO-LOF|SHO-DRB|JAC-WOL|WAT-CHR)/;
const variant = VARIANTS.find(
  (v) => !TAKEN.test(v.sku) && v.priceCents >= 2_000 && (STOCK.find((s) => s.sku === v.sku && s.location === 'UTR')?.onHand ?? 0) >= 4,
)!;

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role) });
  return context.newPage();
}

async function accountBalance(page: Page): Promise<number> {
  await page.goto('/account');
  const text = await page.getByTestId('loyalty-balance').textContent();
  return Number(text!.replace(/[^\d]/g, ''));
}

const pointsFor = (cents: number) => Math.floor(cents / 100);
/** "€1,234.50" (English UI) → 123450. */
const centsOf = (text: string | null) => Math.round(Number(text!.replace(/[^\d.]/g, '')) * 100);

test('[OMNICHANNEL][S8] points earned online show at the counter, are redeemed there, and the account page shows the new balance', async ({ browser }) => {
  expect(variant, 'a demo variant with stock in Utrecht').toBeTruthy();
  const anna = await pageAs(browser, 'customer');
  const clerk = await pageAs(browser, 'clerkUtrecht');
  const start = await accountBalance(anna);

  // Online: anna orders one for pickup in Utrecht and pays; the paid order earns its points.
  await anna.goto(`/products/${variant.productSlug}`);
  if (variant.size) await anna.getByRole('radio', { name: variant.size, exact: true }).check();
  if (variant.color) await anna.getByRole('radio', { name: variant.color, exact: true }).check();
  await expect(anna.getByText(`Item number ${variant.sku}`)).toBeVisible();
  await anna.getByRole('button', { name: 'Add to cart' }).click();
  await expect(anna.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await anna.goto('/checkout');
  await anna.getByLabel('Pick up in store').check();
  const storeSelect = anna.getByLabel('Pickup store');
  await storeSelect.selectOption((await storeSelect.locator('option', { hasText: UTRECHT }).getAttribute('value'))!);
  await anna.getByRole('button', { name: 'Place order and pay' }).click();
  await anna.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(anna.getByRole('heading', { name: /Order W-\d+/ })).toBeVisible();
  await expect(anna.getByText('Paid').first()).toBeVisible({ timeout: 20_000 });
  // A pickup has no shipping: the whole total is goods.
  const webTotal = centsOf(await anna.getByTestId('order-total').first().textContent());
  const afterWeb = start + pointsFor(webTotal);
  await expect.poll(() => accountBalance(anna)).toBe(afterWeb);

  // At the Utrecht counter: the clerk rings up the same item, looks anna up and attaches her.
  await emptyCounterCart(clerk);
  const cart = counterCart(clerk);
  const scan = clerk.getByLabel('Scan or search products');
  await scan.fill(variant.ean);
  await scan.press('Enter');
  await expect(cart.getByText(variant.sku)).toBeVisible();

  await clerk.goto('/counter/customers');
  await clerk.getByLabel('Email, phone, card number or name').fill('anna@example.com');
  await clerk.getByRole('button', { name: 'Find customer' }).click();
  // One match opens her panel at once; several would list her first.
  const result = clerk.getByRole('link', { name: /Anna de Jong/ });
  const panel = clerk.getByRole('heading', { name: 'Anna de Jong', level: 1 });
  await expect(panel.or(result)).toBeVisible();
  if (await result.isVisible()) await result.click();
  await expect(panel).toBeVisible();
  // The points she just earned online are on the counter's customer panel.
  await expect(clerk.getByText(`${afterWeb.toLocaleString('en')} points`).first()).toBeVisible();
  const detach = clerk.getByRole('button', { name: 'Detach' });
  if (!(await detach.isVisible())) {
    await clerk.getByRole('button', { name: 'Attach to sale' }).click();
    await expect(clerk.getByText('The customer is attached to the sale.')).toBeVisible();
  }

  // Pay: 100 points (€ 1) first, the rest by card.
  await clerk.goto('/counter/checkout');
  await expect(clerk.getByRole('heading', { name: 'Pay with points' })).toBeVisible();
  const toPay = clerk.getByRole('region', { name: 'To pay' });
  const saleTotal = centsOf(await toPay.getByText(/€/).textContent());
  await clerk.getByLabel('Points to use').fill('100');
  await expect(clerk.getByText('Points pay €1.00')).toBeVisible();
  await expect(toPay).toContainText(euros(saleTotal - 100));
  await clerk.getByRole('button', { name: 'Card', exact: true }).click();
  await clerk.getByRole('button', { name: 'Confirm card payment' }).click();
  await expect(clerk.getByRole('heading', { name: /Receipt S-\d+/ })).toBeVisible();

  // anna's account: −100 redeemed, + the points of the € paid by card.
  const expected = afterWeb - 100 + pointsFor(saleTotal - 100);
  await expect.poll(() => accountBalance(anna)).toBe(expected);
  await expect(anna.getByRole('cell', { name: 'Redeemed' }).first()).toBeVisible();
});
