import { expect, test, type Page } from '@playwright/test';
import { ORDER_HISTORY, STOCK } from '../../db/seed-data';
import { demoVariant } from '../fixtures/catalog';
import { storageState } from '../fixtures/users';

// Anna's click & collect order at Utrecht from the demo history. The seed numbers its history oldest
// first from the order sequence's start (100001) on a fresh database, as the e2e server has.
const UTRECHT_PICKUP = (() => {
  const history = [...ORDER_HISTORY].sort((a, b) => b.daysAgo - a.daysAgo);
  const index = history.findIndex((o) => o.key === 'seed:anna:2');
  const order = history[index];
  if (order.fulfilment !== 'pickup' || order.store !== 'UTR')
    throw new Error('seed:anna:2 is no longer a Utrecht pickup');
  return `${order.channel === 'web' ? 'W' : 'S'}-${100001 + index}`;
})();

// A book (one variant: no size or colour to pick) with at least two in Amsterdam, ordered by a guest
// for pickup there. Books are not among the variants whose stock other specs count.
const AMSTERDAM = 'Omnishop Amsterdam Kalverstraat';
const BOOK = demoVariant(STOCK.filter((s) => s.sku.startsWith('BOK-') && s.location === 'AMS' && s.onHand >= 2).at(-1)!.sku);

/** A guest orders the book for pickup in Amsterdam and pays; returns the order number and page. */
async function guestPickupOrder(guest: Page) {
  await guest.goto(`/products/${BOOK.productSlug}`);
  await guest.getByRole('button', { name: 'Add to cart' }).click();
  await expect(guest.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await guest.goto('/checkout');
  await guest.getByLabel('Email').fill('pia.pickup@example.com');
  await guest.getByLabel('Full name').fill('Pia Pickup');
  await guest.getByLabel('Pick up in store').check();
  const storeSelect = guest.getByLabel('Pickup store');
  await storeSelect.selectOption((await storeSelect.locator('option', { hasText: AMSTERDAM }).getAttribute('value'))!);
  await guest.getByRole('button', { name: 'Place order and pay' }).click();
  await guest.getByRole('button', { name: 'Pay', exact: true }).click();
  const heading = guest.getByRole('heading', { level: 1, name: /^Order W-\d+$/ });
  await expect(heading).toBeVisible();
  await expect(guest.getByText('Paid', { exact: true })).toBeVisible({ timeout: 20_000 });
  return { number: (await heading.textContent())!.match(/W-\d+/)![0], url: guest.url() };
}

test.use({ storageState: storageState('clerkAmsterdam') });

test.describe('[COUNTER][PICKUPS]', () => {
  test('[COUNTER][PICKUPS] clerk of another store cannot see Utrecht pickups', async ({
    page,
    browser,
    baseURL,
  }) => {
    // The pickup code is what Anna sees on her order page (the counter does not show it).
    const anna = await browser.newContext({ storageState: storageState('customer'), baseURL, locale: 'en-GB' });
    const annaPage = await anna.newPage();
    await annaPage.goto('/account');
    await annaPage.getByRole('link', { name: new RegExp(UTRECHT_PICKUP) }).first().click();
    const code = (await annaPage.getByText(/^[A-Z0-9]{6}$/).textContent())!.trim();
    await anna.close();

    // Control: the Utrecht clerk finds the order by number and by code.
    const utrecht = await browser.newContext({
      storageState: storageState('clerkUtrecht'),
      baseURL,
      locale: 'en-GB',
    });
    const utrechtPage = await utrecht.newPage();
    for (const term of [UTRECHT_PICKUP, code]) {
      await utrechtPage.goto('/counter/pickups');
      await utrechtPage.getByLabel('Find by order number or pickup code').fill(term);
      await utrechtPage.getByRole('button', { name: 'Find', exact: true }).click();
      const found = utrechtPage.getByRole('article', { name: UTRECHT_PICKUP });
      await expect(found).toBeVisible();
      await expect(found).toContainText('Collected');
      await expect(found.getByText(code)).toHaveCount(0);
    }
    await utrecht.close();

    // The Amsterdam clerk sees none of it: not in any list, not by number, not by code.
    for (const view of ['prepare', 'ready', 'collected']) {
      await page.goto(`/counter/pickups?view=${view}`);
      await expect(page.getByRole('heading', { name: 'Click & collect' })).toBeVisible();
      await expect(page.getByText(UTRECHT_PICKUP)).toHaveCount(0);
    }
    for (const term of [UTRECHT_PICKUP, code]) {
      await page.getByLabel('Find by order number or pickup code').fill(term);
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await expect(page.getByText(`No pickup order of this store matches “${term}”.`)).toBeVisible();
      await expect(page.getByRole('article', { name: UTRECHT_PICKUP })).toHaveCount(0);
    }
  });

  test('[COUNTER][PICKUPS] hand-over needs the customer’s code or an identity check, asks to confirm, and can be undone', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const guest = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    const order = await guestPickupOrder(guest);

    await page.goto('/counter/pickups');
    await page.getByRole('article', { name: order.number }).getByRole('button', { name: 'Mark ready' }).click();
    await expect(page.getByText(`Order ${order.number} is ready for pickup.`)).toBeVisible();
    await page.getByRole('link', { name: /Ready for pickup/ }).click();
    const card = page.getByRole('article', { name: order.number });
    await expect(card).toBeVisible();

    // The code is on the customer's order page once it is ready, not on the counter's card.
    await guest.goto(order.url);
    const code = (await guest.getByText(/^[A-Z0-9]{6}$/).textContent())!.trim();
    await expect(card.getByText(code)).toHaveCount(0);

    // Neither code nor identity check: nothing to confirm yet.
    await card.getByRole('button', { name: 'Hand over' }).click();
    await expect(card.getByText('Type or scan the customer’s pickup code, or check their identity.')).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // A wrong code is refused after the confirmation, and the order stays ready.
    const wrong = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    await card.getByLabel('Pickup code', { exact: true }).fill(wrong);
    await card.getByRole('button', { name: 'Hand over' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm hand-over' }).click();
    await expect(card.getByText('This is not the pickup code of this order. Nothing was handed over.')).toBeVisible();
    await expect(card).toContainText('Ready for pickup');

    // The right code (a scanner types it and presses Enter): confirm, handed over, then undone.
    await card.getByLabel('Pickup code', { exact: true }).fill(code.toLowerCase());
    await card.getByLabel('Pickup code', { exact: true }).press('Enter');
    const dialog = page.getByRole('dialog', { name: `Hand over order ${order.number}?` });
    await expect(dialog).toContainText('Pia Pickup');
    await dialog.getByRole('button', { name: 'Confirm hand-over' }).click();
    const notice = page.getByRole('status').filter({ hasText: `Order ${order.number} has been handed over.` });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText(`Hand-over of order ${order.number} undone: it is ready for pickup again.`)).toBeVisible();

    // Without the code: the clerk checks the customer's identity, and that is recorded.
    await card.getByLabel('Identity checked').check();
    await card.getByRole('button', { name: 'Hand over' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm hand-over' }).click();
    await expect(page.getByText(`Order ${order.number} has been handed over.`)).toBeVisible();

    await guest.reload();
    const history = guest.getByRole('region', { name: 'History' });
    await expect(history.getByText('Hand-over undone: ready for pickup again')).toBeVisible();
    await expect(history.getByText('Identity checked in store (no pickup code)')).toBeVisible();
    await expect(history.getByText('Collected', { exact: true })).toHaveCount(2);
    await guest.context().close();
  });
});
