import { expect, test, type Browser } from '@playwright/test';
import { storageState } from '../fixtures/users';

async function newGuest(browser: Browser) {
  // Contexts made in a test inherit the file's `use` options: start explicitly without a session.
  return browser.newContext({ storageState: { cookies: [], origins: [] } });
}

test.describe('[SHOP][ACCESS]', () => {
  test.use({ storageState: storageState('customer') });

  test('[SHOP][ACCESS] another customer cannot open my order', async ({ page, browser }) => {
    // Anna's order history (seeded, both channels) links to her orders.
    await page.goto('/account');
    await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible();
    const link = page
      .getByRole('table')
      .getByRole('link', { name: /^W-\d+$/ })
      .first();
    const number = (await link.textContent())!.trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
    const url = page.url();

    // A visitor who is not signed in: not found (not "forbidden": the id reveals nothing).
    const guest = await newGuest(browser);
    const guestPage = await guest.newPage();
    expect((await guestPage.goto(url))?.status()).toBe(404);
    await expect(guestPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(guestPage.getByText(number)).toHaveCount(0);
    await guest.close();

    // Another customer, signed in.
    const ben = await newGuest(browser);
    const benPage = await ben.newPage();
    await benPage.goto('/sign-in');
    await benPage.getByLabel('Email').fill('ben@example.com');
    await benPage.getByLabel('Password').fill('omnishop');
    await benPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(benPage).toHaveURL(/\/$/);
    expect((await benPage.goto(url))?.status()).toBe(404);
    await expect(benPage.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await benPage.goto('/account');
    await expect(benPage.getByText(number)).toHaveCount(0);
    await ben.close();
  });
});
