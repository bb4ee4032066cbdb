import { expect, test, type Browser, type Page } from '@playwright/test';
import { STOCK } from '../../db/seed-data';
import { demoVariant } from '../fixtures/catalog';
import { storageState } from '../fixtures/users';
import { sentMessage } from '../fixtures/outbox';

// A guest orders a book for pickup in Amsterdam (a book: one variant, and not among the stock other
// specs count; another one than the pickups spec takes). Their confirmation email holds a signed link
// that opens the order in a browser that never saw it; the hand-over's invoice comes as a PDF.
const AMSTERDAM = 'Omnishop Amsterdam Kalverstraat';
const BOOK = demoVariant(STOCK.filter((s) => s.sku.startsWith('BOK-') && s.location === 'AMS' && s.onHand >= 3)[0]!.sku);
const LINK_RE = /\/orders\/[0-9a-f-]{36}\/open\?access=[0-9a-z]+\.[\w-]+/;

async function freshPage(browser: Browser, baseURL: string | undefined, role?: 'admin' | 'clerkAmsterdam'): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', storageState: role ? storageState(role) : { cookies: [], origins: [] } });
  return context.newPage();
}

test('[SHOP][GUEST-LINK] a guest reopens their order from the confirmation email in a fresh browser, and downloads the invoice after pickup', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const email = `gina.link.${Date.now()}@example.com`;

  // The guest orders and pays in their own browser.
  const guest = await freshPage(browser, baseURL);
  await guest.goto(`/products/${BOOK.productSlug}`);
  await guest.getByRole('button', { name: 'Add to cart' }).click();
  await expect(guest.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await guest.goto('/checkout');
  await guest.getByLabel('Email').fill(email);
  await guest.getByLabel('Full name').fill('Gina Link');
  await guest.getByLabel('Pick up in store').check();
  const storeSelect = guest.getByLabel('Pickup store');
  await storeSelect.selectOption((await storeSelect.locator('option', { hasText: AMSTERDAM }).getAttribute('value'))!);
  await guest.getByRole('button', { name: 'Place order and pay' }).click();
  await guest.getByRole('button', { name: 'Pay', exact: true }).click();
  const heading = guest.getByRole('heading', { level: 1, name: /^Order W-\d+$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.match(/W-\d+/)![0];
  const orderPath = new URL(guest.url()).pathname;

  // The confirmation, as the delivery job rendered and sent it (development outbox).
  const admin = await freshPage(browser, baseURL, 'admin');
  const confirmation = await sentMessage(admin, email, 'order_confirmation');
  expect(confirmation).toContain(`Hello Gina Link,`);
  const link = confirmation.match(LINK_RE)?.[0];
  expect(link, 'the confirmation holds a signed link').toBeDefined();
  expect(link).toContain(`${orderPath}/open?access=`);

  // A browser that never saw the order: the bare address is a 404, a tampered link too…
  const elsewhere = await freshPage(browser, baseURL);
  await elsewhere.goto(orderPath);
  await expect(elsewhere.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const signature = link!.slice(link!.lastIndexOf('.') + 1);
  const tampered = `${link!.slice(0, link!.lastIndexOf('.') + 1)}${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
  await elsewhere.goto(tampered);
  await expect(elsewhere).toHaveURL(new RegExp(`${orderPath}$`));
  await expect(elsewhere.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // …the link from the email opens it, without the token in the address, and it stays open.
  await elsewhere.goto(link!);
  await expect(elsewhere).toHaveURL(new RegExp(`${orderPath}$`));
  await expect(elsewhere.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(elsewhere.getByText('Paid', { exact: true })).toBeVisible();
  await elsewhere.goto(orderPath);
  await expect(elsewhere.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(elsewhere.getByRole('link', { name: /Download invoice/ })).toHaveCount(0);

  // The store prepares and hands it over with the code from the ready-for-pickup message.
  const clerk = await freshPage(browser, baseURL, 'clerkAmsterdam');
  await clerk.goto('/counter/pickups');
  await clerk.getByRole('article', { name: number }).getByRole('button', { name: 'Mark ready' }).click();
  await expect(clerk.getByText(`Order ${number} is ready for pickup.`)).toBeVisible();
  const ready = await sentMessage(admin, email, 'ready_for_pickup');
  const code = ready.match(/Pickup code: ([A-Z0-9]{6})/)?.[1];
  expect(code, 'the ready message holds the pickup code').toBeDefined();
  expect(ready).toMatch(/Kalverstraat/);
  await clerk.goto('/counter/pickups?view=ready');
  const card = clerk.getByRole('article', { name: number });
  await card.getByLabel('Pickup code', { exact: true }).fill(code!);
  await card.getByRole('button', { name: 'Hand over' }).click();
  await clerk.getByRole('dialog').getByRole('button', { name: 'Confirm hand-over' }).click();
  await expect(clerk.getByText(`Order ${number} has been handed over.`)).toBeVisible();

  // The collected email went out with the invoice (made by the delivery job inside the server)…
  const collected = await sentMessage(admin, email, 'collected');
  const invoiceNumber = collected.match(/Your invoice (F-\d{4}-\d{6}) is attached as a PDF\./)?.[1];
  expect(invoiceNumber, 'the collected message names the invoice').toBeDefined();

  // …and the guest's browser (opened by the link) downloads the same invoice from the order page.
  await elsewhere.reload();
  const download = elsewhere.waitForEvent('download');
  await elsewhere.getByRole('link', { name: `Download invoice ${invoiceNumber} (PDF)` }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`invoice-${invoiceNumber}.pdf`);
  const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Someone else's browser gets no invoice either.
  const stranger = await freshPage(browser, baseURL);
  const refused = await stranger.request.get(`${orderPath}/invoice`);
  expect(refused.status()).toBe(404);

  for (const page of [guest, admin, elsewhere, clerk, stranger]) await page.context().close();
});
