import { expect, test, type Page } from '@playwright/test';
import { PRODUCTS, STOCK, VARIANTS, variantLabel } from '../../db/seed-data';
import { formatMoney } from '../../lib/i18n/format';
import { storageState } from '../fixtures/users';

// A variant Amsterdam has plenty of (7) that no other spec sells: the cross-channel specs use
// WAT-MIN-BLK and SUN-AVI-GLD. Counter carts are per clerk: no other spec should fill
// clerk.amsterdam's counter cart at the same time.
const SKU = 'SOC-STP-3640-RED';
const variant = VARIANTS.find((v) => v.sku === SKU)!;
const product = PRODUCTS.find((p) => p.slug === variant.productSlug)!;
const ITEM = `${product.nameEn} ${variantLabel(variant)}`; // "Tulip Stripe Socks 36-40 · Red"
const euros = (cents: number) => formatMoney(cents, 'en');

test.use({ storageState: storageState('clerkAmsterdam') });

/** The "N here" stock of the variant at this store, as the search results show it. */
async function stockHere(page: Page): Promise<number> {
  await page.getByLabel('Scan or search products').fill(SKU.slice(0, -1)); // no exact code, no Enter: results only
  const row = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Add ${ITEM}` }) });
  const text = await row.getByText(/\d+ here|None here/).textContent();
  return text?.startsWith('None') ? 0 : Number.parseInt(text ?? '', 10);
}

async function emptyCart(page: Page) {
  const cart = page.getByRole('region', { name: 'Counter cart' });
  while ((await cart.getByRole('button', { name: /^Remove / }).count()) > 0) {
    const count = await cart.getByRole('button', { name: /^Remove / }).count();
    await cart
      .getByRole('button', { name: /^Remove / })
      .first()
      .click();
    await expect(cart.getByRole('button', { name: /^Remove / })).toHaveCount(count - 1);
  }
  await expect(cart.getByText('The cart is empty')).toBeVisible();
}

test.describe('[COUNTER][SALE]', () => {
  test('[COUNTER][SALE] clerk sells by scanning an EAN and takes cash with change', async ({ page }) => {
    expect(STOCK.find((s) => s.sku === SKU && s.location === 'AMS')!.onHand).toBeGreaterThanOrEqual(2);
    await page.goto('/counter');
    await emptyCart(page);
    const before = await stockHere(page);
    expect(before).toBeGreaterThanOrEqual(2);

    // The scanner types the EAN and presses Enter, twice: one line, quantity 2, field cleared each time.
    const scan = page.getByLabel('Scan or search products');
    for (let i = 0; i < 2; i++) {
      await scan.fill(variant.ean);
      await scan.press('Enter');
      await expect(
        page.getByRole('status').filter({ hasText: `Added ${product.nameEn} (${variantLabel(variant)})` }),
      ).toBeVisible();
      await expect(scan).toHaveValue('');
    }
    const cart = page.getByRole('region', { name: 'Counter cart' });
    const line = cart.getByRole('listitem', { name: ITEM });
    await expect(line.getByLabel('Quantity', { exact: true })).toHaveText('2');
    await expect(line.getByRole('button', { name: `Increase quantity of ${product.nameEn}` })).toBeVisible();
    await expect(cart.getByText('Total incl. VAT')).toBeVisible();

    await cart.getByRole('button', { name: 'Pay' }).click();
    await expect(page).toHaveURL(/\/counter\/checkout$/);
    const toPay = await page.getByRole('region', { name: 'To pay' }).textContent();
    const totalCents = Number((toPay ?? '').replace(/\D/g, ''));
    expect(totalCents).toBeGreaterThan(0);
    expect(totalCents).toBeLessThanOrEqual(2 * variant.priceCents);

    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    const received = page.getByLabel('Amount received');
    // Too little is refused with a clear message, and nothing is sold.
    await received.fill('5');
    await expect(page.getByText(`Short: ${euros(totalCents - 500)}`)).toBeVisible();
    await page.getByRole('button', { name: 'Complete cash payment' }).click();
    await expect(page.getByText('The amount handed over is less than the total.')).toBeVisible();
    await expect(page).toHaveURL(/\/counter\/checkout$/);

    await received.fill('50,00');
    await expect(page.getByText(`Change: ${euros(5000 - totalCents)}`)).toBeVisible();
    await page.getByRole('button', { name: 'Complete cash payment' }).click();

    await expect(page).toHaveURL(/\/counter\/receipts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: /^Receipt S-\d+$/ })).toBeVisible();
    await expect(page.getByText(`Give change: ${euros(5000 - totalCents)}`)).toBeVisible();
    const receipt = page.getByRole('article');
    await expect(receipt).toContainText('Omnishop Amsterdam Kalverstraat');
    await expect(receipt).toContainText('Kalverstraat 112');
    await expect(receipt).toContainText(product.nameEn);
    await expect(receipt).toContainText(`2 × ${euros(variant.priceCents)}`);
    await expect(receipt).toContainText('Cash given');
    await expect(receipt).toContainText(euros(5000));
    await expect(receipt).toContainText('21%');
    await expect(page.getByRole('button', { name: 'Print receipt' })).toBeVisible();

    await page.getByRole('link', { name: 'New sale' }).click();
    await expect(page).toHaveURL(/\/counter$/);
    await expect(cart.getByText('The cart is empty')).toBeVisible();
    // The two units left this store's stock.
    await expect.poll(() => stockHere(page)).toBe(before - 2);
  });
});
