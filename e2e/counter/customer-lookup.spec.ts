import fs from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { storageState } from '../fixtures/users';

// S3: the clerk knows the customer in every channel. Anna (seed) shops online and at the Utrecht counter.
test.describe('counter', () => {
  test.use({ storageState: storageState('clerkUtrecht') });

  test('[COUNTER][S3] clerk looks anna up by phone and sees her web order, her in-store purchase and her points', async ({ page }) => {
    await page.goto('/counter/customers');
    const lookup = page.getByLabel('Email, phone, card number or name');
    await expect(lookup).toBeFocused(); // a keyboard-wedge scanner can type at once

    // A number that is no phone (and no card) gets a clear answer.
    await lookup.fill('06-123');
    await page.getByRole('button', { name: 'Find customer' }).click();
    await expect(page.getByText('“06-123” is not a valid phone number.')).toBeVisible();

    // Her phone as people say it: one match opens her panel.
    await page.getByLabel('Email, phone, card number or name').fill('06-12345678');
    await page.getByRole('button', { name: 'Find customer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Anna de Jong' })).toBeVisible();
    await expect(page.getByText('Omnichannel')).toBeVisible();

    const timeline = page.getByRole('list', { name: 'Customer timeline, newest first' });
    await expect(timeline.getByText(/^Web order W-\d+$/).first()).toBeVisible();
    await expect(timeline.getByText(/ordered .+ · (delivered|collected in Utrecht)/).first()).toBeVisible();
    await expect(timeline.getByText(/^In-store purchase S-\d+$/).first()).toBeVisible();
    await expect(timeline.getByText(/bought in Utrecht/).first()).toBeVisible();
    const points = page.getByRole('region', { name: 'Loyalty points' });
    await expect(points.getByText(/^[1-9][\d,]* points?$/)).toBeVisible();

    // One tap attaches her to the sale; the sale's cart shows her, and she can be detached again.
    await page.getByRole('button', { name: 'Attach to sale' }).click();
    await expect(page.getByText('Attached to the current sale')).toBeVisible();
    await page.getByRole('link', { name: 'Go to the sale' }).click();
    const attached = page.getByRole('group', { name: 'Customer of this sale' });
    await expect(attached.getByText('Customer: Anna de Jong')).toBeVisible();
    await attached.getByRole('button', { name: 'Detach' }).click();
    await expect(attached).toHaveCount(0);
  });
});

test.describe('admin', () => {
  test.use({ storageState: storageState('admin') });

  test('[ADMIN][CUSTOMERS] admin exports and erases a customer', async ({ page, browser }) => {
    // A profile made at the counter for this test (nobody else's history is erased).
    const email = `gdpr-${Date.now()}@example.com`;
    const counter = await browser.newContext({ storageState: storageState('clerkUtrecht') });
    const clerkPage = await counter.newPage();
    await clerkPage.goto('/counter/customers');
    await clerkPage.getByLabel('Name', { exact: true }).fill('Gerda de Privacy');
    await clerkPage.getByLabel('Email', { exact: true }).fill(email);
    await clerkPage.getByRole('button', { name: 'Create customer' }).click();
    await expect(clerkPage.getByRole('heading', { level: 1, name: 'Gerda de Privacy' })).toBeVisible();
    await counter.close();

    await page.goto('/admin/customers');
    await page.getByLabel('Search customers').fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByText('1 customer', { exact: true })).toBeVisible();
    await page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: 'Gerda de Privacy' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gerda de Privacy' })).toBeVisible();

    // Export: a confirmation step, then a JSON download with everything about her.
    await page.getByRole('button', { name: 'Export data…' }).click();
    await expect(page.getByText('The file contains personal data.', { exact: false })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download JSON' }).click();
    const file = await (await download).path();
    const data = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(data).toMatchObject({ format: 'omnishop.customer-export', profile: { name: 'Gerda de Privacy', email }, orders: [], addresses: [] });
    expect(data.loyalty).toMatchObject({ balance: 0 });

    // Erase: only with the confirmation ticked.
    await page.getByRole('button', { name: 'Erase personal data…' }).click();
    await page.getByLabel('I understand that this cannot be undone').check();
    await page.getByRole('button', { name: 'Erase customer' }).click();
    await expect(page.getByText('The personal data of this customer was erased.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Erased customer' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Erase personal data…' })).toHaveCount(0);

    // She can no longer be found.
    await page.goto(`/admin/customers?q=${encodeURIComponent(email)}`);
    await expect(page.getByText('No customer matches this search.')).toBeVisible();
  });
});
