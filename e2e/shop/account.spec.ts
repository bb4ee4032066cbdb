import { expect, test, type Browser, type Page } from '@playwright/test';
import { storageState } from '../fixtures/users';

// The account page as Anna uses it. Anna's demo data is shared with other specs (the clerk finds her by
// phone): every change here is put back, and the phone number is typed in another notation of the same
// number.
const SHOTS = 'screenshots/h7';

async function annaPage(browser: Browser, viewport: { width: number; height: number }, locale: 'en' | 'nl' = 'en'): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState('customer'), viewport });
  // The language switcher's cookie, set directly (the switcher itself is tested elsewhere).
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` }]);
  return context.newPage();
}

test('[SHOP][ACCOUNT] Anna edits her details, preferences and address book; bad input is refused in words', async ({ browser }) => {
  const page = await annaPage(browser, { width: 1280, height: 900 });
  await page.goto('/account');
  const details = page.getByRole('region', { name: 'Personal details' });

  // A phone number no operator issues: refused at the field, nothing saved.
  await details.getByLabel('Phone number').fill('0612');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByText('Enter a valid phone number.')).toBeVisible();
  // The same number in another notation: saved in E.164.
  await details.getByLabel('Phone number').fill('06 1234 5678');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('status').filter({ hasText: 'Your details are saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Personal details' }).getByLabel('Phone number')).toHaveValue('+31612345678');

  // Preferences: her store stays Utrecht, text messages on.
  const prefs = page.getByRole('region', { name: 'Preferences' });
  await prefs.getByLabel('My store').selectOption({ label: 'Omnishop Utrecht Oudegracht' });
  await prefs.getByLabel('By text message (SMS)').check();
  await prefs.getByRole('button', { name: 'Save preferences' }).click();
  await expect(prefs.getByRole('status').filter({ hasText: 'Your preferences are saved.' })).toBeVisible();

  // Address book: a bad postcode is refused; a good address is added, made default, then deleted.
  const book = page.getByRole('region', { name: 'Addresses' });
  // With no address yet the form is open already; otherwise open it.
  if (!(await book.getByRole('heading', { name: 'New address' }).isVisible())) await book.getByRole('button', { name: 'Add address' }).click();
  await expect(book.getByRole('heading', { name: 'New address' })).toBeVisible();
  const form = book.locator('form').last();
  await form.getByLabel('Label (optional)').fill('Work e2e');
  await form.getByLabel('Name', { exact: true }).fill('Anna de Jong');
  await form.getByLabel('Street and number').fill('Catharijnesingel 5');
  await form.getByLabel('Postcode').fill('35');
  await form.getByLabel('City').fill('Utrecht');
  await form.getByRole('button', { name: 'Add address' }).click();
  await expect(form.getByText('Enter a valid postcode.')).toBeVisible();
  await form.getByLabel('Postcode').fill('3511ab');
  await form.getByLabel('Use as default address').check();
  await form.getByRole('button', { name: 'Add address' }).click();
  const entry = book.getByRole('listitem').filter({ hasText: 'Work e2e' });
  await expect(entry.getByText('3511 AB Utrecht')).toBeVisible();
  await expect(entry.getByText('Default')).toBeVisible();

  // Wrong current password: the password is not changed.
  const signIn = page.getByRole('region', { name: 'Sign-in' });
  await signIn.locator('#password-current').fill('not my password');
  await signIn.locator('#password-new').fill('another password 1');
  await signIn.locator('#password-confirm').fill('another password 1');
  await signIn.getByRole('button', { name: 'Change password' }).click();
  await expect(signIn.getByText('Your current password is not right.')).toBeVisible();

  await page.screenshot({ path: `${SHOTS}/shop-account-desktop-en.png`, fullPage: true });

  await entry.getByRole('button', { name: 'Delete address Work e2e' }).click();
  await expect(book.getByRole('listitem').filter({ hasText: 'Work e2e' })).toHaveCount(0);
});

test('[SHOP][ACCOUNT] screenshots of the account page on a phone and the desktop, in English and Dutch', async ({ browser }) => {
  for (const locale of ['en', 'nl'] as const) {
    const phone = await annaPage(browser, { width: 390, height: 844 }, locale);
    await phone.goto('/account');
    await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
    await phone.screenshot({ path: `${SHOTS}/shop-account-phone-${locale}.png`, fullPage: true });
    if (locale === 'nl') {
      const desktop = await annaPage(browser, { width: 1280, height: 900 }, locale);
      await desktop.goto('/account');
      await expect(desktop.getByRole('heading', { name: 'Voorkeuren' })).toBeVisible();
      await desktop.screenshot({ path: `${SHOTS}/shop-account-desktop-nl.png`, fullPage: true });
    }
  }
});
