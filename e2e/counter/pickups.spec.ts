import { expect, test } from '@playwright/test';
import { ORDER_HISTORY } from '../../db/seed-data';
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

test.use({ storageState: storageState('clerkAmsterdam') });

test.describe('[COUNTER][PICKUPS]', () => {
  test('[COUNTER][PICKUPS] clerk of another store cannot see Utrecht pickups', async ({
    page,
    browser,
    baseURL,
  }) => {
    // Control: the Utrecht clerk finds the order and its pickup code.
    const utrecht = await browser.newContext({
      storageState: storageState('clerkUtrecht'),
      baseURL,
      locale: 'en-GB',
    });
    const utrechtPage = await utrecht.newPage();
    await utrechtPage.goto('/counter/pickups');
    await utrechtPage.getByLabel('Find by order number or pickup code').fill(UTRECHT_PICKUP);
    await utrechtPage.getByRole('button', { name: 'Find', exact: true }).click();
    const found = utrechtPage.getByRole('article', { name: UTRECHT_PICKUP });
    await expect(found).toBeVisible();
    await expect(found).toContainText('Collected');
    const code = (await found.getByText(/^[A-Z0-9]{6}$/).textContent())!.trim();
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
});
