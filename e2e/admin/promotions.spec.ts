import { expect, test, type Page } from '@playwright/test';
import { storageState } from '../fixtures/users';

// The admin side of S1, on the socks category (the S1 story itself uses sunglasses). The promotion
// carries a code, so while it runs it changes no price for specs running in parallel.
test.use({ storageState: storageState('admin') });

const unique = () =>
  `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`.toUpperCase();

function rowOf(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test('[ADMIN][PROMOTIONS] admin creates, edits and ends a promotion', async ({ page }) => {
  const id = unique();
  const name = `Socks week ${id}`;

  await page.goto('/admin/promotions');
  await page.getByRole('link', { name: 'New promotion' }).click();
  await expect(page.getByRole('heading', { name: 'New promotion' })).toBeVisible();

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Percentage').check();
  await page.getByLabel('Value').fill('15');
  await page.getByLabel('Applies to').selectOption({ label: 'Category' });
  await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Socks' });
  await page.getByLabel('Ends').fill('2030-12-31T23:59');
  await page.getByLabel('Promotion code').fill(`socks-${id}`);
  await expect(page.getByLabel('Promotion code')).toHaveValue(`SOCKS-${id}`);

  // The example is priced on the server by lib/pricing: the first sock by name, Ankle Socks at €12.95.
  await expect(page.getByText('Example: €12.95 → €11.01')).toBeVisible();

  // Both channels start checked; restricting to one shows the omnichannel warning. Back to both.
  const warning = page.getByText('Restricting a promotion to one channel breaks the omnichannel promise');
  await expect(page.getByLabel('Webshop')).toBeChecked();
  await expect(page.getByLabel('Stores')).toBeChecked();
  await expect(warning).toHaveCount(0);
  await page.getByLabel('Stores').uncheck();
  await expect(warning).toBeVisible();
  await page.getByLabel('Stores').check();
  await expect(warning).toHaveCount(0);

  await page.getByRole('button', { name: 'Save promotion' }).click();
  await expect(page).toHaveURL(/\/admin\/promotions\?saved=\d+$/);
  await expect(page.getByText(`Promotion “${name}” saved.`)).toBeVisible();
  const row = rowOf(page, name);
  await expect(row).toContainText('Socks');
  await expect(row).toContainText('15%');
  await expect(row).toContainText(`SOCKS-${id}`);
  await expect(row).toContainText('All channels');
  await expect(row).toContainText('31 Dec 2030, 23:59');
  await expect(row.getByText('Active', { exact: true })).toBeVisible();

  // Edit: the form comes back filled in (end in Amsterdam time), and the change is saved.
  await row.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('heading', { name: 'Edit promotion' })).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(name);
  await expect(page.getByLabel('Value')).toHaveValue('15');
  await expect(page.getByLabel('Category', { exact: true }).locator('option:checked')).toHaveText('Socks');
  await expect(page.getByLabel('Ends')).toHaveValue('2030-12-31T23:59');
  await page.getByLabel('Fixed amount per item').check();
  await page.getByLabel('Value').fill('2.50');
  await expect(page.getByText('Example: €12.95 → €10.45')).toBeVisible();
  await page.getByRole('button', { name: 'Save promotion' }).click();
  await expect(page).toHaveURL(/\/admin\/promotions\?saved=\d+$/);
  await expect(row).toContainText('€2.50 off per item');
  await expect(row.getByText('Active', { exact: true })).toBeVisible();

  // End now, after a confirmation: the list shows it ended and offers no second "End now".
  await row.getByRole('button', { name: `End now: ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`End “${name}” now?`);
  await dialog.getByRole('button', { name: 'Confirm end' }).click();
  await expect(page).toHaveURL(/\/admin\/promotions\?ended=\d+$/);
  await expect(page.getByText(`Promotion “${name}” ended.`)).toBeVisible();
  await expect(row.getByText('Ended', { exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: `End now: ${name}` })).toHaveCount(0);
});

test('[ADMIN][PROMOTIONS] invalid input is refused with field errors', async ({ page }) => {
  const name = `Refused ${unique()}`;
  await page.goto('/admin/promotions/new');

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Value').fill('150');
  await page.getByLabel('Starts').fill('2030-05-02T10:00');
  await page.getByLabel('Ends').fill('2030-05-01T10:00');
  await page.getByRole('button', { name: 'Save promotion' }).click();

  await expect(page.getByText('Not saved: please correct the fields marked in red.')).toBeVisible();
  await expect(page.getByLabel('Value')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Value')).toHaveAccessibleDescription(
    /Enter a whole percentage from 1 to 100\./,
  );
  await expect(page.getByLabel('Ends')).toHaveAccessibleDescription(/The end must be after the start\./);
  await expect(page).toHaveURL(/\/admin\/promotions\/new$/);

  // Fixing the fields clears their errors; an unknown SKU is refused on its own field.
  await page.getByLabel('Value').fill('20');
  await page.getByLabel('Ends').fill('2030-05-03T10:00');
  await expect(page.getByText('Enter a whole percentage from 1 to 100.')).toHaveCount(0);
  await page.getByLabel('Applies to').selectOption({ label: 'Variant' });
  await page.getByLabel('Variant SKU').fill('no-such-sku');
  await page.getByRole('button', { name: 'Save promotion' }).click();
  await expect(page.getByLabel('Variant SKU')).toHaveAccessibleDescription(
    /No product variant has SKU NO-SUCH-SKU\./,
  );

  // No channel at all is not "every channel" by accident.
  await page.getByLabel('Variant SKU').fill('SUN-AVI-GLD');
  await page.getByLabel('Webshop').uncheck();
  await page.getByLabel('Stores').uncheck();
  await page.getByRole('button', { name: 'Save promotion' }).click();
  await expect(page.getByText('Choose at least one channel.')).toBeVisible();

  // Nothing was saved.
  await page.goto('/admin/promotions');
  await expect(page.getByRole('rowheader', { name })).toHaveCount(0);

  // The same form in Dutch.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { name: 'Acties', exact: true })).toBeVisible();
  await page.goto('/admin/promotions/new');
  await page.getByLabel('Waarde').fill('0');
  await page.getByLabel('Winkels').uncheck();
  await expect(
    page.getByText('Een actie beperken tot één kanaal breekt de omnichannelbelofte'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Actie opslaan' }).click();
  await expect(page.getByLabel('Naam')).toHaveAccessibleDescription(/Dit veld is verplicht\./);
  await expect(page.getByLabel('Waarde')).toHaveAccessibleDescription(
    /Vul een heel percentage van 1 tot en met 100 in\./,
  );
});
