import { expect, test } from '@playwright/test';

test.describe('[AUTH] sign-in and registration', () => {
  test('a wrong password gets a clear message and no session', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('anna@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status')).toContainText('The email or password is not right.');
    await page.goto('/counter');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('invalid input is explained per field, in Dutch too', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('This field is required.').first()).toBeVisible();

    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
    await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible();
    await page.getByLabel('E-mailadres').fill('geen-email');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByText('Vul een geldig e-mailadres in.')).toBeVisible();
  });

  test('a shopper registers, is signed in, and signs out', async ({ page }) => {
    const email = `new-${Date.now()}@example.com`;
    await page.goto('/sign-up');
    await page.getByLabel('Full name').fill('Noor Jansen');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByLabel('Repeat password').fill('a-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/account/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  });
});
