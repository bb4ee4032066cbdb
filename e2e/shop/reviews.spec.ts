import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PRODUCTS, STOCK, VARIANTS } from '../../db/seed-data';
import { counterCart, emptyCounterCart } from '../fixtures/counter';
import { storageState, type Role } from '../fixtures/users';

// Story S10: a counter buyer reviews the product online. The Amsterdam clerk sells it to anna (her
// profile attached to the sale); on the product page anna is a verified buyer and posts a review; it
// waits for the admin's approval (shown to nobody else); once approved it shows there with "Verified
// purchase · in store", in the clerk's search results (average and count) and on the in-store display
// page. The admin then rejects it with a reason: gone, and anna reads the reason. Screenshots: the review
// block (phone, en+nl) and the display page. Uses the Amsterdam counter cart and anna's review of one product.
test.describe.configure({ timeout: 180_000 });

const SHOTS = 'screenshots/reviews';
const PHONE = { width: 390, height: 844 };
// A variant Amsterdam has a few of that the other counter specs do not sell.
const TAKEN = /^(SHO-RUN|SUN-AVI|SOC-STP|BOK-|BAG-PAN|SHO-LOF|SHO-DRB|JAC-WOL|WAT-CHR)/;
const variant = VARIANTS.find((v) => !TAKEN.test(v.sku) && (STOCK.find((s) => s.sku === v.sku && s.location === 'AMS')?.onHand ?? 0) >= 3)!;
const product = PRODUCTS.find((p) => p.slug === variant?.productSlug)!;

async function pageAs(browser: Browser, role: Role, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role), ...(viewport ? { viewport, isMobile: true, hasTouch: true } : {}) });
  return context.newPage();
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('[SHOP][S10] a counter buyer reviews the product online; after approval it shows on the product page, at the counter and on the display page; a rejection hides it', async ({ browser }) => {
  expect(variant, 'a demo variant with stock in Amsterdam').toBeTruthy();
  const title = `Comfortable ${Date.now()}`;

  // At the Amsterdam counter: the clerk rings it up, attaches anna and takes a card payment.
  const clerk = await pageAs(browser, 'clerkAmsterdam');
  await emptyCounterCart(clerk);
  const scan = clerk.getByLabel('Scan or search products');
  await scan.fill(variant.ean);
  await scan.press('Enter');
  await expect(counterCart(clerk).getByText(variant.sku)).toBeVisible();
  await clerk.goto('/counter/customers');
  await clerk.getByLabel('Email, phone, card number or name').fill('anna@example.com');
  await clerk.getByRole('button', { name: 'Find customer' }).click();
  const result = clerk.getByRole('link', { name: /Anna de Jong/ });
  const panel = clerk.getByRole('heading', { name: 'Anna de Jong', level: 1 });
  await expect(panel.or(result)).toBeVisible();
  if (await result.isVisible()) await result.click();
  await expect(panel).toBeVisible();
  if (!(await clerk.getByRole('button', { name: 'Detach' }).isVisible())) {
    await clerk.getByRole('button', { name: 'Attach to sale' }).click();
    await expect(clerk.getByText('The customer is attached to the sale.')).toBeVisible();
  }
  await clerk.goto('/counter/checkout');
  await clerk.getByRole('button', { name: 'Card', exact: true }).click();
  await clerk.getByRole('button', { name: 'Confirm card payment' }).click();
  await expect(clerk.getByRole('heading', { name: /Receipt S-\d+/ })).toBeVisible();

  // Online, on her phone: anna is a verified buyer and writes a review.
  const anna = await pageAs(browser, 'customer', PHONE);
  await anna.goto(`/products/${product.slug}`);
  const reviews = anna.getByRole('region', { name: 'Reviews' });
  await expect(reviews.getByRole('heading', { name: /Write a review|Edit your review/ })).toBeVisible();
  await reviews.getByRole('radiogroup', { name: 'Rating' }).getByRole('radio', { name: '4 stars' }).check();
  await reviews.getByLabel('Title').fill(title);
  await reviews.getByLabel('Review', { exact: true }).fill('Fits well, <3 the colour.');
  await reviews.getByRole('button', { name: 'Post review' }).click();
  await expect(reviews.getByRole('status').filter({ hasText: /it shows (again )?once the shop has approved it/ })).toBeVisible();
  // Nothing shows before approval: only anna reads that it waits.
  const mine = reviews.getByRole('article', { name: title });
  await anna.reload();
  await expect(reviews.getByText("Your review is waiting for the shop's approval")).toBeVisible();
  await expect(mine).toHaveCount(0);

  // The admin approves it from the queue of reviews awaiting approval.
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin/reviews');
  await expect(admin.getByRole('navigation', { name: 'Admin navigation' }).getByRole('link', { name: 'Reviews' })).toHaveAttribute('aria-current', 'page');
  const pendingRow = admin.getByRole('row').filter({ hasText: title });
  await expect(pendingRow.getByText('Awaiting approval', { exact: true })).toBeVisible();
  await expect(pendingRow.getByText('In store', { exact: true })).toBeVisible();
  await pendingRow.getByRole('button', { name: `Approve: ${product.nameEn}` }).click();
  await expect(pendingRow).toHaveCount(0);

  await anna.reload();
  await expect(mine).toBeVisible();
  await expect(mine.getByText('Verified purchase · in store')).toBeVisible();
  await expect(reviews.getByRole('img', { name: /out of 5, \d+ reviews?$/ })).toBeVisible();
  await shot(anna, 'product-reviews-phone-en');
  await anna.context().addCookies([{ name: 'NEXT_LOCALE', value: 'nl', domain: new URL(anna.url()).hostname, path: '/' }]);
  await anna.reload();
  await expect(anna.getByRole('region', { name: 'Reviews' }).getByText('Geverifieerde aankoop · in de winkel').first()).toBeVisible();
  await shot(anna, 'product-reviews-phone-nl');

  // Script is refused with a message, nothing posted.
  await anna.context().addCookies([{ name: 'NEXT_LOCALE', value: 'en', domain: new URL(anna.url()).hostname, path: '/' }]);
  await anna.reload();
  await reviews.getByLabel('Review', { exact: true }).fill('<script>alert(1)</script>');
  await reviews.getByRole('button', { name: 'Post review' }).click();
  await expect(reviews.getByText('Write plain text, without HTML tags.')).toBeVisible();

  // At the counter: the search result shows the average and count and links to the display page.
  await clerk.goto(`/counter?q=${encodeURIComponent(variant.sku)}`);
  await expect(clerk.getByRole('img', { name: /out of 5, \d+ reviews?$/ }).first()).toBeVisible();
  const displayLink = clerk.getByRole('link', { name: `In-store display: ${product.nameEn}` }).first();
  await expect(displayLink).toHaveAttribute('href', `/display/products/${product.slug}`);

  // The in-store display page: public, no navigation, the review among the latest.
  const screen = await (await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } })).newPage();
  await screen.goto(`/display/products/${product.slug}`);
  await expect(screen.getByRole('heading', { level: 1, name: product.nameEn })).toBeVisible();
  await expect(screen.getByRole('heading', { name: title })).toBeVisible();
  await expect(screen.getByRole('navigation')).toHaveCount(0);
  await shot(screen, 'display-page-en');

  // The admin rejects it with a reason: gone from the product page, and anna reads why.
  await admin.goto('/admin/reviews?status=published');
  const publishedRow = admin.getByRole('row').filter({ hasText: title });
  await publishedRow.getByRole('button', { name: `Reject: ${product.nameEn}` }).click();
  await expect(publishedRow.getByText('Give the reason for rejecting (the author reads it).')).toBeVisible();
  await publishedRow.getByLabel('Reason for rejecting').fill('Please keep it about the product.');
  await publishedRow.getByRole('button', { name: `Reject: ${product.nameEn}` }).click();
  await expect(publishedRow).toHaveCount(0);
  await anna.reload();
  await expect(anna.getByRole('article', { name: title })).toHaveCount(0);
  await expect(anna.getByText('Your review was not published: Please keep it about the product.')).toBeVisible();
  await screen.reload();
  await expect(screen.getByRole('heading', { name: title })).toHaveCount(0);
});
