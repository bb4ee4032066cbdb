import { expect, test } from '@playwright/test';
import { PRODUCTS, VARIANTS, variantLabel } from '../../db/seed-data';
import { formatMoney } from '../../lib/i18n/format';
import { storageState } from '../fixtures/users';

// A cap colour no other spec sells or prices: changing its price cannot disturb a spec running beside it.
const SKU = 'HAT-CAP-BEI';
const variant = VARIANTS.find((v) => v.sku === SKU)!;
const product = PRODUCTS.find((p) => p.slug === variant.productSlug)!;
const ITEM = `${product.nameEn} ${variantLabel(variant)}`;
const euros = (cents: number) => formatMoney(cents, 'en');

test.use({ storageState: storageState('admin') });

test('[ADMIN][CATALOG] a product edited in admin shows its new price on the web and at the counter', async ({ page, browser }) => {
  const newPrice = variant.priceCents - 500; // € 24.95 → € 19.95

  await page.goto('/admin/products');
  await page.getByLabel('Search').fill(product.nameEn);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByText('1 product', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: `Edit ${product.nameEn}` }).click();
  await expect(page.getByRole('heading', { name: product.nameEn, level: 1 })).toBeVisible();

  await page.getByRole('link', { name: `Edit variant ${SKU}` }).click();
  await expect(page.getByRole('heading', { name: `Variant ${SKU}` })).toBeVisible();
  const price = page.getByLabel('Price incl. VAT (€)', { exact: true });
  await expect(price).toHaveValue('24,95');

  // Bad input first: a wrong check digit and a negative price are refused, field by field.
  const ean = page.getByLabel('EAN-13 barcode');
  const wrongDigit = `${variant.ean.slice(0, 12)}${(Number(variant.ean[12]) + 1) % 10}`;
  await ean.fill(wrongDigit);
  await price.fill('-1');
  await page.getByRole('button', { name: 'Save variant' }).click();
  await expect(page.getByText('This EAN-13 has a wrong check digit: check the number on the barcode.')).toBeVisible();
  await expect(page.getByText('A price cannot be negative.')).toBeVisible();

  await ean.fill(variant.ean);
  await price.fill('19.95');
  await page.getByRole('button', { name: 'Save variant' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Variant saved.' })).toBeVisible();
  await expect(page.getByText(`Price now: ${euros(newPrice)}`)).toBeVisible();

  // The webshop's product page, with this colour chosen.
  await page.goto(`/products/${product.slug}?color=${encodeURIComponent(variant.color!)}`);
  await expect(page.getByRole('heading', { name: product.nameEn, level: 1 })).toBeVisible();
  await expect(page.getByText(`Item number ${SKU}`)).toBeVisible();
  await expect(page.getByText(euros(newPrice), { exact: true }).first()).toBeVisible();

  // The counter's search, as the Utrecht clerk.
  const counter = await browser.newContext({ storageState: storageState('clerkUtrecht') });
  const clerk = await counter.newPage();
  await clerk.goto('/counter');
  await clerk.getByLabel('Scan or search products').fill(SKU.slice(0, -1));
  const row = clerk.getByRole('listitem').filter({ has: clerk.getByRole('button', { name: `Add ${ITEM}` }) });
  await expect(row).toContainText(euros(newPrice));
  await expect(row).not.toContainText(euros(variant.priceCents));
  await counter.close();
});
