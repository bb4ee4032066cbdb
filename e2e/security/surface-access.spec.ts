import { expect, test } from '@playwright/test';
import { storageState } from '../fixtures/users';

test.describe('[SECURITY] anonymous visitor', () => {
  test('is sent to sign-in from the counter and the admin console', async ({ page }) => {
    for (const path of ['/counter', '/admin']) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(path)}`));
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    }
  });
});

test.describe('[SECURITY] clerk', () => {
  test.use({ storageState: storageState('clerkUtrecht') });

  test('uses the counter but is refused the admin console', async ({ page }) => {
    await page.goto('/counter');
    await expect(page.getByRole('navigation', { name: 'Counter navigation' })).toBeVisible();

    const response = await page.goto('/admin');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
  });
});

test.describe('[SECURITY] customer', () => {
  test.use({ storageState: storageState('customer') });

  test('is refused the counter and the admin console', async ({ page }) => {
    for (const path of ['/counter', '/admin']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
    }
  });
});

test.describe('[SECURITY] admin', () => {
  test.use({ storageState: storageState('admin') });

  test('uses both the admin console and the counter', async ({ page }) => {
    await page.goto('/admin');
    await expect(page.getByRole('navigation', { name: 'Admin navigation' })).toBeVisible();
    await page.goto('/counter');
    await expect(page.getByRole('navigation', { name: 'Counter navigation' })).toBeVisible();
  });
});
