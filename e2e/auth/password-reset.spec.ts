import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState } from '../fixtures/users';
import { sentMessage } from '../fixtures/outbox';

// A shopper of its own (the demo accounts' sessions are shared by other specs, and a reset ends them).
// Mails are read where an operator reads them: the development outbox in /admin/outbox.
const VERIFY_RE = /\/verify-email\?token=[\w-]{43}/;
const RESET_RE = /\/reset-password\?token=[\w-]{43}/;

async function freshPage(browser: Browser, baseURL: string | undefined, role?: 'admin'): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', storageState: role ? storageState(role) : { cookies: [], origins: [] } });
  return context.newPage();
}

test('[AUTH][RESET] a new shopper confirms the address from the mail, then resets a forgotten password; every old session ends', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const email = `rosa.reset.${Date.now()}@example.com`;
  const admin = await freshPage(browser, baseURL, 'admin');

  // Sign-up: the account page asks to confirm the address, and the mail is on its way.
  const first = await freshPage(browser, baseURL);
  await first.goto('/sign-up');
  await first.getByLabel('Full name').fill('Rosa Reset');
  await first.getByLabel('Email').fill(email);
  await first.getByLabel('Password', { exact: true }).fill('first password 1');
  await first.getByLabel('Repeat password').fill('first password 1');
  await first.getByRole('button', { name: 'Create account' }).click();
  await expect(first).toHaveURL(/\/account/);
  const hint = first.getByRole('region', { name: 'Confirm your email address' });
  await expect(hint).toContainText(`We sent a link to ${email}.`);
  const verify = await sentMessage(admin, email, 'verify_email');
  expect(verify).toContain('Hello Rosa Reset,');
  await first.goto(verify.match(VERIFY_RE)![0]);
  await expect(first.getByText('Your email address is confirmed.')).toBeVisible();
  await first.goto('/account');
  await expect(first.getByRole('heading', { name: 'Rosa Reset' })).toBeVisible();
  await expect(hint).toHaveCount(0);

  // Another browser, signed out: "Forgot your password?" answers the same for any address.
  const second = await freshPage(browser, baseURL);
  await second.goto('/sign-in');
  await second.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  for (const address of ['nobody.here@example.com', email]) {
    await second.getByLabel('Email').fill(address);
    await second.getByRole('button', { name: 'Send link' }).click();
    await expect(second.getByRole('status')).toHaveText(
      `If ${address} belongs to an account, a link to choose a new password is on its way. It works for 30 minutes.`,
    );
  }
  const reset = await sentMessage(admin, email, 'password_reset');
  const link = reset.match(RESET_RE)![0];

  await second.goto(link);
  await second.getByLabel('New password', { exact: true }).fill('short');
  await second.getByLabel('Repeat new password').fill('short');
  await second.getByRole('button', { name: 'Save new password' }).click();
  await expect(second.getByText('Use at least 8 characters.')).toBeVisible();
  await second.getByLabel('New password', { exact: true }).fill('second password 2');
  await second.getByLabel('Repeat new password').fill('second password 2');
  await second.getByRole('button', { name: 'Save new password' }).click();
  await expect(second).toHaveURL(/\/sign-in\?reset=done/);
  await expect(second.getByRole('status').filter({ hasText: 'Your password has been changed' })).toBeVisible();

  // The first browser's session is over; the new password works, the link does not work twice.
  await first.goto('/account');
  await expect(first).toHaveURL(/\/sign-in/);
  await second.getByLabel('Email').fill(email);
  await second.getByLabel('Password').fill('second password 2');
  await second.getByRole('button', { name: 'Sign in' }).click();
  await expect(second).not.toHaveURL(/\/sign-in/);
  await second.goto('/account');
  await expect(second.getByRole('heading', { name: 'Rosa Reset' })).toBeVisible();
  await second.goto(link);
  await expect(second.getByText('This link has already been used.')).toBeVisible();
});
