import { expect, test } from '@playwright/test';
import { storageState } from '../fixtures/users';

// A product of its own (unique slug, SKU and EAN), so the catalog other specs rely on stays as seeded.
test.use({ storageState: storageState('admin'), viewport: { width: 1440, height: 900 } });

const SHOTS = 'screenshots/h3';
const HEADER = 'product_slug,brand,name_en,name_nl,category_slug,tax_class,sku,ean,size,color,price,active';

function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

test('[ADMIN][CSV] a CSV with a broken row is refused with its row number; a good one imports', async ({ page }) => {
  const stamp = Date.now();
  const slug = `csv-sock-${stamp.toString(36)}`;
  const sku = `CSV-${stamp.toString(36).toUpperCase()}`;
  const good = ean13(`29${String(stamp).slice(-10)}`);
  const wrong = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
  const line = (s: string, e: string, price: string) => `${slug},Sox,CSV sock,CSV-sok,socks,standard,${s},${e},39-42,grey,${price},true`;
  const file = (rows: string[]) => ({ name: 'products.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n')) });

  await page.goto('/admin/products/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import products from CSV' })).toBeVisible();

  // Row 3 has an EAN with a wrong check digit: the dry run names it, and no import is offered.
  await page.getByLabel('CSV file').setInputFiles(file([line(`${sku}-A`, good, '"12,50"'), line(`${sku}-B`, wrong, '12.50')]));
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('1 row has errors: fix them in the file and check it again. Nothing was imported.').first()).toBeVisible();
  const broken = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
  await expect(broken).toContainText('ean: wrong check digit: this is not a valid EAN-13');
  await expect(page.getByRole('row').filter({ hasText: `${sku}-A` })).toContainText('Create');
  await expect(page.getByRole('button', { name: /^Import \d+ change/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/csv-errors-en.png`, fullPage: true });

  // The fixed file checks clean and imports; checking it again shows every row unchanged.
  await page.getByLabel('CSV file').setInputFiles(file([line(`${sku}-A`, good, '"12,50"')]));
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('The check is clean. Nothing has been written yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Import 1 change' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 1 products and 1 variants created' })).toBeVisible();
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText('Nothing to import: every row matches the catalog.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: `${sku}-A` })).toContainText('Unchanged');

  await page.screenshot({ path: `${SHOTS}/csv-unchanged-en.png`, fullPage: true });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Producten importeren uit CSV' })).toBeVisible();
  await page.getByLabel('CSV-bestand').setInputFiles(file([line(`${sku}-A`, good, '-1'), line(`${sku}-A`, good, '12,50')]));
  await page.getByRole('button', { name: 'Bestand controleren' }).click();
  await expect(page.getByText('een prijs kan niet negatief zijn')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/csv-errors-nl.png`, fullPage: true });

  // The export carries the new variant at its price, in the format the import reads.
  const response = await page.request.get('/api/admin/products/export');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  expect(await response.text()).toContain(`${slug},Sox,CSV sock,CSV-sok,socks,standard,${sku}-A,${good},39-42,grey,12.50,true`);
});
