import { expect, test, type Browser, type Page } from '@playwright/test';
import { sentMessage } from '../fixtures/outbox';
import { storageState } from '../fixtures/users';

// A clerk of its own for this spec (the demo clerks' sessions are shared by other specs). The link is
// read where an operator reads mail in development: /admin/outbox.
const RESET_RE = /\/reset-password\?token=[\w-]{43}/;
const SHOTS = 'screenshots/h3';

async function freshPage(browser: Browser, baseURL: string | undefined, role?: 'admin'): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    viewport: { width: 1440, height: 900 },
    storageState: role ? storageState(role) : { cookies: [], origins: [] },
  });
  return context.newPage();
}

test('[ADMIN][STAFF] admin creates a clerk who can sign in and is refused at once after deactivation', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const email = `sam.${stamp}@omnishop.test`;
  const name = `Sam Clerk ${stamp}`;
  const admin = await freshPage(browser, baseURL, 'admin');

  // The admin adds a clerk at Utrecht; a clerk without a store is refused first.
  await admin.goto('/admin/staff');
  await expect(admin.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  await admin.getByRole('link', { name: 'Add staff member' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Add a staff member' })).toBeVisible();
  await admin.getByLabel('Name').fill(name);
  await admin.getByLabel('Email').fill(email.toUpperCase());
  await admin.getByLabel('Role').selectOption({ label: 'Clerk' });
  await admin.getByRole('button', { name: 'Create account and send link' }).click();
  await expect(admin.getByText('Choose the store this clerk works at.')).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/staff-new-en.png`, fullPage: true });
  await admin.getByLabel('Store').selectOption({ label: 'Omnishop Utrecht Oudegracht' });
  await admin.getByRole('button', { name: 'Create account and send link' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `Account created. ${email} gets an email` })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Clerk');
  await expect(row).toContainText('Active');
  await admin.screenshot({ path: `${SHOTS}/staff-list-en.png`, fullPage: true });

  // Sam opens the one-time link in a browser of their own, chooses a password and signs in.
  const mail = await sentMessage(admin, email, 'staff_invite');
  expect(mail).toContain(`Hello ${name},`);
  const link = mail.match(RESET_RE)![0];
  const clerk = await freshPage(browser, baseURL);
  await clerk.goto(link);
  await clerk.getByLabel('New password', { exact: true }).fill('sams own password');
  await clerk.getByLabel('Repeat new password').fill('sams own password');
  await clerk.getByRole('button', { name: 'Save new password' }).click();
  await expect(clerk).toHaveURL(/\/sign-in\?reset=done/);
  await clerk.getByLabel('Email').fill(email);
  await clerk.getByLabel('Password').fill('sams own password');
  await clerk.getByRole('button', { name: 'Sign in' }).click();
  await expect(clerk).toHaveURL(/\/counter/);
  await expect(clerk.getByText('Omnishop Utrecht Oudegracht').first()).toBeVisible();

  // The admin deactivates Sam; Sam's very next navigation is refused and sent to sign in.
  await admin.goto('/admin/staff');
  await admin.getByRole('link', { name: `Manage ${name}` }).click();
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/staff-member-en.png`, fullPage: true });
  await admin.getByRole('button', { name: 'Deactivate account' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Deactivated. They were signed out at once.' })).toBeVisible();
  await expect(admin.getByRole('button', { name: 'Reactivate account' })).toBeVisible();

  await clerk.goto('/counter');
  await expect(clerk).toHaveURL(/\/sign-in/);
  await clerk.getByLabel('Email').fill(email);
  await clerk.getByLabel('Password').fill('sams own password');
  await clerk.getByRole('button', { name: 'Sign in' }).click();
  await expect(clerk.getByRole('status')).toContainText('The email or password is not right.');

  // The admin cannot deactivate themselves; everything above is in the audit log.
  await admin.goto('/admin/staff');
  await admin.getByRole('link', { name: 'Manage Sanne de Vries' }).click();
  await admin.getByRole('button', { name: 'Deactivate account' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'You cannot deactivate your own account.' })).toBeVisible();
  await admin.goto('/admin/audit');
  await admin.getByLabel('Action').selectOption('staff.deactivated');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin).toHaveURL(/action=staff.deactivated/);
  await expect(admin.getByRole('row').filter({ hasText: 'Account deactivated; sessions ended' }).first()).toBeVisible();
  await admin.goto('/admin/audit');
  await admin.screenshot({ path: `${SHOTS}/audit-en.png`, fullPage: true });

  // The same pages in Dutch (this context only).
  await admin.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/audit-nl.png`, fullPage: true });
  await admin.goto('/admin/staff');
  await expect(admin.getByRole('heading', { level: 1, name: 'Personeel' })).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/staff-list-nl.png`, fullPage: true });
  await admin.getByRole('link', { name: `${name} beheren` }).click();
  await expect(admin.getByRole('button', { name: 'Account heractiveren' })).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/staff-member-nl.png`, fullPage: true });
  await admin.goto('/admin/staff/new');
  await admin.getByRole('button', { name: 'Account aanmaken en link sturen' }).click();
  await expect(admin.getByText('Dit veld is verplicht.').first()).toBeVisible();
  await admin.screenshot({ path: `${SHOTS}/staff-new-nl.png`, fullPage: true });
});
