import { expect, test } from '@playwright/test';
import { PRODUCTS, STOCK, variantLabel } from '../../db/seed-data';
import { demoVariant } from '../fixtures/catalog';
import { storageState } from '../fixtures/users';

// A size Utrecht has none of and the warehouse has (seed overrides: WH 5, Utrecht 0); no other spec
// sells it. The Utrecht clerk orders it for pickup in Utrecht, the admin ships the transfer on
// /admin/transfers, the clerk receives it on /counter/transfers, and the order is then ready for pickup.
const SKU = 'SHO-LOF-45-NVY';
const variant = demoVariant(SKU);
const product = PRODUCTS.find((p) => p.slug === variant.productSlug)!;
const ITEM = `${product.nameEn} ${variantLabel(variant)}`;

test.use({ storageState: storageState('clerkUtrecht') });

test.describe('[COUNTER][S7]', () => {
  test("[COUNTER][S7] Utrecht has none of a size; the clerk orders it for pickup in Utrecht from the warehouse, paid by card; after the transfer is received it appears in Utrecht's pickups", async ({
    page,
    browser,
    baseURL,
  }) => {
    expect(STOCK.find((s) => s.sku === SKU && s.location === 'UTR')!.onHand).toBe(0);
    expect(STOCK.find((s) => s.sku === SKU && s.location === 'WH')!.onHand).toBeGreaterThan(0);

    // The sale screen: none here, so the endless aisle is offered.
    await page.goto(`/counter?q=${SKU}`);
    const result = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Add ${ITEM}` }) });
    await expect(result.getByText('None here')).toBeVisible();
    await result.getByRole('link', { name: `Not enough here — order ${ITEM} from another location` }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Order from another location' })).toBeVisible();
    await page.getByRole('link', { name: 'Order for pickup here from Warehouse' }).click();
    await expect(page.getByRole('heading', { name: /^Pickup in Utrecht, sent from Warehouse$/ })).toBeVisible();

    await page.getByLabel('Name').fill('Eva Endless');
    await page.getByLabel('Email').fill('eva.endless@example.com');
    await page.getByRole('button', { name: /^Confirm card payment of .+ and place order$/ }).click();

    const done = page.getByRole('heading', { level: 1, name: /^Order S-\d+ placed and paid$/ });
    await expect(done).toBeVisible();
    const orderNumber = (await done.textContent())!.match(/S-\d+/)![0];
    const transferNumber = (await page.getByText(/Transfer T-\d+ is requested/).textContent())!.match(/T-\d+/)![0];
    await expect(page.getByText('The confirmation goes to eva.endless@example.com.')).toBeVisible();

    // Not ready yet: Utrecht's ready list does not have it.
    await page.goto('/counter/pickups?view=ready');
    await expect(page.getByText(orderNumber)).toHaveCount(0);

    // The admin ships the transfer from the warehouse.
    const adminContext = await browser.newContext({ storageState: storageState('admin'), baseURL, locale: 'en-GB' });
    const admin = await adminContext.newPage();
    await admin.goto('/admin/transfers?status=requested');
    await admin.getByRole('button', { name: `Ship ${transferNumber}` }).click();
    await expect(admin.getByRole('status').filter({ hasText: `${transferNumber} shipped` })).toBeVisible();
    await adminContext.close();

    // Utrecht receives it with the count.
    await page.goto('/counter/transfers');
    const card = page.getByRole('article', { name: transferNumber });
    await expect(card.getByText(`for order ${orderNumber}`)).toBeVisible();
    await expect(card.getByLabel(`Counted ${SKU}`)).toHaveValue('1');
    await card.getByRole('button', { name: `Confirm receipt of ${transferNumber}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `${transferNumber} received in full.` })).toBeVisible();

    // Now it is ready for pickup in Utrecht.
    await page.goto('/counter/pickups?view=ready');
    await expect(page.getByText(orderNumber).first()).toBeVisible();
  });
});
