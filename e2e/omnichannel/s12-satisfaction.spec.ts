import { expect, test, type Browser, type Page } from '@playwright/test';
import { STOCK, VARIANTS } from '../../db/seed-data';
import { counterCart, emptyCounterCart } from '../fixtures/counter';
import { sentMessage } from '../fixtures/outbox';
import { storageState, type Role } from '../fixtures/users';

// S12: a completed counter sale's survey is answered; analytics shows it under the store channel.
// The Amsterdam clerk sells to Dirk Mulder (seed: a counter customer with an email, wants email, used by
// no other spec) a variant no other spec sells. That counter cart is shared state: this spec is in
// SHARED_STATE_SPECS. Other runs may have left responses: the figures are compared before and after.
const SKU = 'SUN-CAT-TRT';
const variant = VARIANTS.find((v) => v.sku === SKU)!;
const STORE = 'Omnishop Amsterdam Kalverstraat';
const DIRK = { name: 'Dirk Mulder', email: 'dirk.mulder@example.com' };

async function pageAs(browser: Browser, role: Role | null): Promise<Page> {
  const context = await browser.newContext({ storageState: role ? storageState(role) : { cookies: [], origins: [] } });
  return context.newPage();
}

/** The store channel's figures on the satisfaction page: responses and the number of 4s. */
async function storeFigures(admin: Page): Promise<{ responses: number; fours: number; storeResponses: number }> {
  await admin.goto('/admin/analytics/satisfaction');
  await expect(admin.getByRole('heading', { level: 1, name: 'Satisfaction' })).toBeVisible();
  const channelRow = admin.getByRole('table', { name: 'Per channel' }).getByRole('row').filter({ has: admin.getByRole('cell', { name: 'Store', exact: true }) });
  await expect(channelRow).toHaveCount(1);
  const cells = channelRow.getByRole('cell');
  const responses = Number(await cells.nth(1).textContent());
  const fours = Number(/4: (\d+)/.exec((await cells.nth(3).textContent()) ?? '')?.[1] ?? NaN);
  // Per store: the Amsterdam store's counter sales, when it has any yet.
  const storeRow = admin
    .getByRole('table', { name: 'Per store' })
    .getByRole('row')
    .filter({ hasText: STORE })
    .filter({ has: admin.getByRole('cell', { name: 'Store', exact: true }) });
  const storeResponses = (await storeRow.count()) === 0 ? 0 : Number(await storeRow.getByRole('cell').nth(2).textContent());
  return { responses, fours, storeResponses };
}

test('[COUNTER][S12] a completed counter sale’s survey from the receipt is answered, and the admin sees it under the store channel', async ({ browser }) => {
  expect(STOCK.find((s) => s.sku === SKU && s.location === 'AMS')!.onHand).toBeGreaterThanOrEqual(2);
  const admin = await pageAs(browser, 'admin');
  const before = await storeFigures(admin);

  // The clerk sells one item to Dirk, identified at the counter, paid by card.
  const clerk = await pageAs(browser, 'clerkAmsterdam');
  await emptyCounterCart(clerk);
  const scan = clerk.getByLabel('Scan or search products');
  await scan.fill(variant.ean);
  await scan.press('Enter');
  const cart = counterCart(clerk);
  await expect(cart.getByText(variant.sku)).toBeVisible();

  await clerk.goto('/counter/customers');
  await clerk.getByLabel('Email, phone, card number or name').fill(DIRK.email);
  await clerk.getByRole('button', { name: 'Find customer' }).click();
  await expect(clerk.getByRole('heading', { level: 1, name: DIRK.name })).toBeVisible();
  await clerk.getByRole('button', { name: 'Attach to sale' }).click();
  await expect(clerk.getByText('Attached to the current sale')).toBeVisible();
  await clerk.getByRole('link', { name: 'Go to the sale' }).click();
  await expect(clerk.getByRole('group', { name: 'Customer of this sale' }).getByText(`Customer: ${DIRK.name}`)).toBeVisible();

  await counterCart(clerk).getByRole('button', { name: 'Pay' }).click();
  await expect(clerk).toHaveURL(/\/counter\/checkout$/);
  await clerk.getByRole('button', { name: 'Card', exact: true }).click();
  await clerk.getByRole('button', { name: 'Confirm card payment' }).click();
  await expect(clerk).toHaveURL(/\/counter\/receipts\/[0-9a-f-]{36}$/);
  const heading = clerk.getByRole('heading', { name: /^Receipt S-\d+$/ });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? '').replace('Receipt ', '');

  // The receipt carries the survey's QR (a link to the same URL) with its caption.
  const receipt = clerk.getByRole('article');
  await expect(receipt.getByText('How did we do? Scan to rate your purchase.')).toBeVisible();
  const qr = receipt.getByRole('link', { name: `Satisfaction survey for order ${number}` });
  await expect(qr).toBeVisible();
  const surveyUrl = new URL((await qr.getAttribute('href'))!);
  expect(surveyUrl.pathname).toMatch(/^\/survey\/[0-9a-f-]{36}\.[\w-]+$/);

  // Dirk opens it on his phone (not signed in) and answers 4 with a comment.
  const dirk = await pageAs(browser, null);
  await dirk.goto(surveyUrl.pathname);
  await expect(dirk.getByRole('heading', { level: 1, name: 'How did we do?' })).toBeVisible();
  await expect(dirk.getByText(`Order ${number}: one question, a few seconds.`)).toBeVisible();
  const question = dirk.getByRole('radiogroup', { name: 'How satisfied are you with your purchase?' });
  await question.getByRole('radio', { name: '4 – Satisfied' }).check();
  await dirk.getByLabel('Comment (optional)').fill('Helpful advice on the frames.');
  await dirk.getByRole('button', { name: 'Send my answer' }).click();
  // The page shows the answer as given (the form gives way to it as soon as the answer is stored).
  await expect(dirk.getByText('Thanks, you rated 4 out of 5.')).toBeVisible();

  // The same link again: already answered, nothing to send.
  await dirk.goto(surveyUrl.pathname);
  await expect(dirk.getByText('Thanks, you rated 4 out of 5.')).toBeVisible();
  await expect(dirk.getByRole('button', { name: 'Send my answer' })).toHaveCount(0);

  // The admin sees it under the store channel, and for the Amsterdam store.
  await expect.poll(async () => storeFigures(admin)).toEqual({
    responses: before.responses + 1,
    fours: before.fours + 1,
    storeResponses: before.storeResponses + 1,
  });

  // The survey email went to Dirk through the outbox, with the same link.
  const mail = await sentMessage(admin, DIRK.email, 'satisfaction_survey', 'Email');
  expect(mail).toContain(surveyUrl.pathname);
});
