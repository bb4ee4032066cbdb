import { expect, test, type Browser, type Page } from '@playwright/test';
import { STOCK } from '../../db/seed-data';
import { demoVariant } from '../fixtures/catalog';
import { storageState, type Role } from '../fixtures/users';

// S9 and the chat of S4: a shopper's question on the order page reaches the pickup store's counter
// inbox, and the clerk's answer appears on the shopper's open page without a reload (live channel).
test.describe.configure({ timeout: 180_000 });

const UTRECHT = 'Omnishop Utrecht Oudegracht';

// A single-variant book that Utrecht has in stock (not one of the story SKUs that other specs count).
const BOOK = demoVariant(STOCK.find((s) => s.location === 'UTR' && s.sku.startsWith('BOK-') && s.onHand >= 2)!.sku);

async function pageAs(browser: Browser, role: Role | null): Promise<Page> {
  const context = await browser.newContext({ storageState: role ? storageState(role) : { cookies: [], origins: [] } });
  return context.newPage();
}

/** A guest orders the book for pickup in Utrecht and pays; returns the order number. */
async function guestPickupOrder(shopper: Page, name: string): Promise<string> {
  await shopper.goto(`/products/${BOOK.productSlug}`);
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await expect(shopper.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await shopper.goto('/checkout');
  await shopper.getByLabel('Email').fill(`vraag.${Date.now()}@example.com`);
  await shopper.getByLabel('Full name').fill(name);
  await shopper.getByRole('radio', { name: 'Pick up in store' }).check();
  const stores = shopper.getByLabel('Pickup store');
  await stores.selectOption((await stores.locator('option', { hasText: UTRECHT }).getAttribute('value'))!);
  await shopper.getByRole('button', { name: 'Place order and pay' }).click();
  await shopper.getByRole('button', { name: 'Pay', exact: true }).click();
  const heading = shopper.getByRole('heading', { level: 1, name: /^Order W-\d+$/ });
  await expect(heading).toBeVisible();
  await expect(shopper.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  return (await heading.textContent())!.match(/W-\d+/)![0];
}

test('[OMNI][S9] a guest asks about a Utrecht pickup on the order page; the Utrecht clerk answers from the inbox; the answer appears without a reload', async ({ browser }) => {
  const name = `Sanne Vraag ${Date.now() % 100000}`;
  const shopper = await pageAs(browser, null);
  const clerk = await pageAs(browser, 'clerkUtrecht');
  const orderNumber = await guestPickupOrder(shopper, name);

  // Bad input first: a clear message, nothing sent.
  const chat = shopper.getByRole('region', { name: 'Questions about this order?' });
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByText('Write a message first.')).toBeVisible();
  await chat.getByRole('textbox', { name: 'Message' }).fill('x'.repeat(5000));
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.getByText(/at most 2,000 characters/)).toBeVisible();

  await chat.getByRole('textbox', { name: 'Message' }).fill('When can I pick it up?');
  await chat.getByRole('button', { name: 'Send' }).click();
  const log = chat.getByRole('log', { name: 'Conversation with the shop' });
  await expect(log).toContainText('When can I pick it up?');
  await expect(chat.getByRole('textbox', { name: 'Message' })).toHaveValue('');

  // The Utrecht counter: an unread conversation in the navigation, the question in the inbox.
  await clerk.goto('/counter');
  const inboxLink = clerk.getByRole('navigation', { name: 'Counter navigation' }).getByRole('link', { name: /Inbox/ });
  await expect(inboxLink).toContainText(/unread conversation/);
  await inboxLink.click();
  await clerk.getByRole('list', { name: 'Conversations in this view' }).getByRole('link', { name: new RegExp(name) }).click();
  const thread = clerk.getByRole('article', { name });
  await expect(thread.getByRole('log')).toContainText('When can I pick it up?');
  await expect(thread).toContainText(`Guest, order ${orderNumber}`);
  await thread.getByRole('button', { name: 'Assign to me' }).click();
  await expect(thread.getByText('Assigned to you.')).toBeVisible();

  const answer = 'Tomorrow from 10:00 at the service desk. Bring your pickup code.';
  const reply = thread.getByRole('region', { name: 'Answer' });
  await reply.getByRole('textbox', { name: 'Message' }).fill(answer);
  await reply.getByRole('button', { name: 'Send' }).click();
  await expect(reply.getByText('Message sent.')).toBeVisible();
  await expect(thread.getByRole('log')).toContainText(answer);

  // The shopper's page, untouched since sending, shows the answer by itself.
  await expect(log).toContainText(answer, { timeout: 30_000 });
  await expect(log).toContainText('Lotte, Omnishop');

  // HTML typed into a message is shown as text, on both sides.
  const markup = '<b>bold?</b> <script>alert(1)</script>';
  await chat.getByRole('textbox', { name: 'Message' }).fill(markup);
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(log.getByText(markup)).toBeVisible();
  await expect(thread.getByRole('log').getByText(markup)).toBeVisible({ timeout: 30_000 });
  await expect(thread.locator('b', { hasText: 'bold?' })).toHaveCount(0);

  // A phone note stays with the staff; closing the thread moves it to "Closed".
  const note = thread.getByRole('region', { name: 'Add note' });
  await note.getByRole('radio', { name: 'Phone call' }).check();
  await note.getByRole('textbox', { name: 'Note' }).fill('Called back: will come Saturday.');
  await note.getByRole('button', { name: 'Add note' }).click();
  await expect(thread.getByRole('log')).toContainText('Called back: will come Saturday.');
  await thread.getByRole('button', { name: 'Close thread' }).click();
  await expect(thread.getByText('Thread closed.')).toBeVisible();
  await shopper.reload();
  await expect(log).not.toContainText('Called back');
});
