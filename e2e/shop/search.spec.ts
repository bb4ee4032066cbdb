import { expect, test, type Browser, type Page } from '@playwright/test';

// Search and browse (issue #11 item 4, story S5): a typo in the header search, suggestions by keyboard,
// then filters and sorting in the URL; Dutch colour names. Read-only on the seeded catalog.
const SHOTS = 'screenshots/search';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function shopper(browser: Browser, viewport: { width: number; height: number }, locale: 'en' | 'nl'): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` }]);
  return context.newPage();
}

test('[SHOP][S5] a shopper finds sneakers despite a typo, picks a suggestion by keyboard, then filters and sorts', async ({ browser }) => {
  const page = await shopper(browser, DESKTOP, 'en');
  await page.goto('/');
  const search = page.getByRole('combobox', { name: 'Search products' });
  await search.fill('snekaer');
  const suggestions = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(suggestions.getByRole('option', { name: /Court Classic Sneaker/ })).toBeVisible();
  await expect(page.getByText('Did you mean “sneaker”?')).toBeVisible();
  await search.press('ArrowDown');
  await expect(suggestions.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await search.press('Escape');
  await expect(suggestions).toBeHidden();

  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/products\?q=snekaer/);
  await expect(page.getByText('No exact matches for “snekaer”. Showing results for “sneaker”.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Court Classic Sneaker/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Canvas Low Sneaker/ })).toBeVisible();

  // Filters: counts per value, one size, sorted by price; all of it in the URL.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel(/^42 \(\d+\)$/).check();
  await page.getByLabel('Sort by').selectOption({ label: 'Price: low to high' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/size=42/);
  await expect(page).toHaveURL(/sort=price-asc/);
  await expect(page.getByLabel(/^42 \(\d+\)$/)).toBeChecked();
  await expect(page.getByRole('link', { name: /Court Classic Sneaker/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/search-filters-desktop-en.png`, fullPage: true });

  // A suggestion followed with Enter opens the product page.
  await search.fill('court clas');
  await expect(suggestions.getByRole('option', { name: /Court Classic Sneaker/ })).toBeVisible();
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Court Classic Sneaker' })).toBeVisible();
});

test('[SHOP][S5] Dutch colour names find black items; nothing found offers the nearest matches', async ({ browser }) => {
  const page = await shopper(browser, DESKTOP, 'nl');
  await page.goto('/products?q=zwart');
  await expect(page.getByText(/Resultaten voor ‘zwart’ · \d+ producten/)).toBeVisible();
  await page.getByText('Filters', { exact: true }).click();
  await expect(page.getByLabel(/^Zwart \(\d+\)$/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/search-zwart-desktop-nl.png`, fullPage: true });

  await page.goto('/products?q=poldr%20bts');
  await expect(page.getByRole('heading', { name: 'Niets gevonden' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Komt het dichtst in de buurt' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Chelsea/ }).first()).toBeVisible();
  await page.getByRole('link', { name: 'polder boots', exact: true }).click();
  await expect(page).toHaveURL(/q=polder\+boots/);
  await expect(page.getByText(/Resultaten voor ‘polder boots’ · \d+ producten/)).toBeVisible();
});

test('[SHOP][S5] screenshots of search with filters on a phone and the desktop, in English and Dutch', async ({ browser }) => {
  for (const locale of ['en', 'nl'] as const) {
    const phone = await shopper(browser, PHONE, locale);
    await phone.goto('/products?q=snekaer&size=42&sort=price-asc');
    await expect(phone.getByRole('combobox', { name: locale === 'en' ? 'Search products' : 'Zoek producten' })).toHaveValue('snekaer');
    await expect(phone.getByLabel(/^42 \(\d+\)$/)).toBeChecked(); // filters open while one is chosen
    await phone.screenshot({ path: `${SHOTS}/search-filters-phone-${locale}.png`, fullPage: true });
    if (locale === 'nl') {
      const desktop = await shopper(browser, DESKTOP, locale);
      await desktop.goto('/products?q=snekaer&size=42&sort=price-asc');
      await expect(desktop.getByLabel(/^42 \(\d+\)$/)).toBeChecked();
      await desktop.screenshot({ path: `${SHOTS}/search-filters-desktop-nl.png`, fullPage: true });
    }
  }
});
