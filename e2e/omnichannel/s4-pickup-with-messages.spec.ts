import { expect, test, type Browser, type Page } from '@playwright/test';
import { STOCK } from '../../db/seed-data';
import { demoVariant, euros } from '../fixtures/catalog';
import { storageState, type Role } from '../fixtures/users';
import { sentMessage } from '../fixtures/outbox';

// Story S4 whole, as one walk: a guest orders for pickup in Utrecht and asks on the order page when
// to come; the Utrecht clerk answers from the counter inbox and the answer appears by itself; "ready"
// sends an SMS and an email with the pickup code; the clerk hands over with that code; the order page
// shows it collected with its invoice, and the collected email carries the PDF.
test.describe.configure({ timeout: 180_000 });

const UTRECHT = 'Omnishop Utrecht Oudegracht';
// A single-variant book Utrecht has plenty of (the conversation spec takes one with ≥ 2, this one ≥ 3).
const BOOK = demoVariant(STOCK.filter((s) => s.location === 'UTR' && s.sku.startsWith('BOK-') && s.onHand >= 3).at(-1)!.sku);

async function pageAs(browser: Browser, role: Role | null): Promise<Page> {
  return (await browser.newContext({ storageState: role ? storageState(role) : { cookies: [], origins: [] } })).newPage();
}

test('[OMNI][S4] pickup with messages: question and answer on the order page, SMS and email with the code, hand-over by code, invoice', async ({ browser }) => {
  const stamp = Date.now() % 1_000_000;
  const email = `s4.${stamp}@example.com`;
  const phone = `06${String(10_000_000 + stamp).slice(-8)}`;
  const e164 = `+316${phone.slice(2)}`;
  const name = `Sem Vier ${stamp}`;
  const shopper = await pageAs(browser, null);
  const clerk = await pageAs(browser, 'clerkUtrecht');
  const admin = await pageAs(browser, 'admin');

  await shopper.goto(`/products/${BOOK.productSlug}`);
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await expect(shopper.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await shopper.goto('/checkout');
  await shopper.getByLabel('Email').fill(email);
  await shopper.getByLabel('Full name').fill(name);
  await shopper.getByLabel('Phone (optional)').fill(phone);
  await shopper.getByRole('radio', { name: 'Pick up in store' }).check();
  const stores = shopper.getByLabel('Pickup store');
  await stores.selectOption((await stores.locator('option', { hasText: UTRECHT }).getAttribute('value'))!);
  await shopper.getByRole('button', { name: 'Place order and pay' }).click();
  await shopper.getByRole('button', { name: 'Pay', exact: true }).click();
  const heading = shopper.getByRole('heading', { level: 1, name: /^Order W-\d+$/ });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.match(/W-\d+/)![0];
  await expect(shopper.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  // Pickup is free of shipping costs: the total is the book's price.
  await expect(shopper.getByText('Total incl. VAT', { exact: true }).locator('..')).toContainText(euros(BOOK.priceCents));

  // "When can I pick it up?" — answered from the Utrecht counter inbox, shown without a reload.
  const chat = shopper.getByRole('region', { name: 'Questions about this order?' });
  await chat.getByRole('textbox', { name: 'Message' }).fill('When can I pick it up?');
  await chat.getByRole('button', { name: 'Send' }).click();
  const log = chat.getByRole('log', { name: 'Conversation with the shop' });
  await expect(log).toContainText('When can I pick it up?');
  await clerk.goto('/counter/inbox');
  await clerk.getByRole('list', { name: 'Conversations in this view' }).getByRole('link', { name: new RegExp(name) }).click();
  const thread = clerk.getByRole('article', { name });
  const answer = 'Later today, once we tell you it is ready.';
  await thread.getByRole('region', { name: 'Answer' }).getByRole('textbox', { name: 'Message' }).fill(answer);
  await thread.getByRole('region', { name: 'Answer' }).getByRole('button', { name: 'Send' }).click();
  await expect(thread.getByRole('log')).toContainText(answer);
  await expect(log).toContainText(answer);

  // Ready: an email and an SMS, each with the pickup code.
  await clerk.goto('/counter/pickups');
  await clerk.getByRole('article', { name: number }).getByRole('button', { name: 'Mark ready' }).click();
  await expect(clerk.getByText(`Order ${number} is ready for pickup.`)).toBeVisible();
  const readyEmail = await sentMessage(admin, email, 'ready_for_pickup', 'Email');
  const code = readyEmail.match(/Pickup code: ([A-Z0-9]{6})/)?.[1];
  expect(code, 'the email holds the pickup code').toBeDefined();
  const readySms = await sentMessage(admin, e164, 'ready_for_pickup', 'SMS');
  expect(readySms).toContain(code!);

  // A wrong code is refused; the right one hands it over.
  await clerk.goto('/counter/pickups?view=ready');
  const card = clerk.getByRole('article', { name: number });
  await card.getByLabel('Pickup code', { exact: true }).fill(code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
  await card.getByRole('button', { name: 'Hand over' }).click();
  await clerk.getByRole('dialog').getByRole('button', { name: 'Confirm hand-over' }).click();
  await expect(card.getByText('This is not the pickup code of this order. Nothing was handed over.')).toBeVisible();
  await card.getByLabel('Pickup code', { exact: true }).fill(code!);
  await card.getByRole('button', { name: 'Hand over' }).click();
  await clerk.getByRole('dialog').getByRole('button', { name: 'Confirm hand-over' }).click();
  await expect(clerk.getByText(`Order ${number} has been handed over.`)).toBeVisible();

  // The shopper's order page: collected, with the invoice; the collected email carries it as a PDF.
  const collected = await sentMessage(admin, email, 'collected', 'Email');
  const invoice = collected.match(/Your invoice (F-\d{4}-\d{6}) is attached as a PDF\./)?.[1];
  expect(invoice, 'the collected email names its attached invoice').toBeDefined();
  await shopper.reload();
  await expect(shopper.getByText('Collected', { exact: true }).first()).toBeVisible();
  await expect(shopper.getByRole('link', { name: `Download invoice ${invoice} (PDF)` })).toBeVisible();
});
