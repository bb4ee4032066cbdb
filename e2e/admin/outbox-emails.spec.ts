import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { STOCK } from '../../db/seed-data';
import { demoVariant } from '../fixtures/catalog';
import { sentMessage } from '../fixtures/outbox';
import { storageState } from '../fixtures/users';

// Emails are written in the recipient's language: a Dutch and an English guest order a book for pickup;
// the admin reads each confirmation in /admin/outbox (subject, text and the HTML a mail client shows).
// Screenshots of the rendered HTML at a mail client's width, and of the outbox message page.
const SHOTS = 'screenshots/emails';
const BOOK = demoVariant(STOCK.filter((s) => s.sku.startsWith('BOK-') && s.location === 'AMS' && s.onHand >= 3)[0]!.sku);
const AMSTERDAM = 'Omnishop Amsterdam Kalverstraat';

const COPY = {
  en: { browserLocale: 'en-GB', subject: (n: string) => `We received your order ${n}`, add: 'Add to cart', cart: /^Cart, 1 item$/, email: 'Email', name: 'Full name', pickup: 'Pick up in store', store: 'Pickup store', place: 'Place order and pay', pay: 'Pay', order: /^Order W-\d+$/ },
  nl: { browserLocale: 'nl-NL', subject: (n: string) => `We hebben je bestelling ${n} ontvangen`, add: 'In winkelwagen', cart: /^Winkelwagen, 1 artikel$/, email: 'E-mailadres', name: 'Volledige naam', pickup: 'Ophalen in de winkel', store: 'Ophaalwinkel', place: 'Bestelling plaatsen en betalen', pay: 'Betalen', order: /^Bestelling W-\d+$/ },
} as const;

async function guestOrders(browser: Browser, baseURL: string, locale: 'en' | 'nl', email: string): Promise<string> {
  const copy = COPY[locale];
  const context = await browser.newContext({ locale: copy.browserLocale, storageState: { cookies: [], origins: [] } });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL }]);
  const guest = await context.newPage();
  await guest.goto(`/products/${BOOK.productSlug}`);
  await guest.getByRole('button', { name: copy.add }).click();
  await expect(guest.getByRole('link', { name: copy.cart })).toBeVisible();
  await guest.goto('/checkout');
  await guest.getByLabel(copy.email).fill(email);
  await guest.getByLabel(copy.name).fill(locale === 'nl' ? 'Noor Mail' : 'Emma Mail');
  await guest.getByLabel(copy.pickup).check();
  const store = guest.getByLabel(copy.store);
  await store.selectOption((await store.locator('option', { hasText: AMSTERDAM }).getAttribute('value'))!);
  await guest.getByRole('button', { name: copy.place }).click();
  await guest.getByRole('button', { name: copy.pay, exact: true }).click();
  const heading = guest.getByRole('heading', { level: 1, name: copy.order });
  await expect(heading).toBeVisible();
  const number = (await heading.textContent())!.match(/W-\d+/)![0];
  await context.close();
  return number;
}

test('[ADMIN][OUTBOX][S4] an order confirmation is written in the guest’s language; its HTML as a mail client shows it', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const admin: Page = await (await browser.newContext({ storageState: storageState('admin'), viewport: { width: 1440, height: 900 } })).newPage();
  for (const locale of ['en', 'nl'] as const) {
    const email = `mail.${locale}.${Date.now()}@example.com`;
    const number = await guestOrders(browser, baseURL!, locale, email);

    const text = await sentMessage(admin, email, 'order_confirmation', 'Email');
    expect(text).toContain(locale === 'nl' ? 'Bedankt voor je bestelling!' : 'Thank you for your order!');
    await expect(admin.getByText(COPY[locale].subject(number))).toBeVisible();
    // The HTML as the admin sees it, in the page's sandboxed frame.
    await expect(admin.frameLocator('iframe').getByText(COPY[locale].subject(number))).toBeVisible();
    await admin.screenshot({ path: `${SHOTS}/admin-outbox-message-${locale}.png`, fullPage: true });
    await admin.locator('iframe').screenshot({ path: `${SHOTS}/admin-outbox-frame-${locale}.png` });

    // The HTML on its own, at the width of a mail client's reading pane.
    const html = await admin.locator('iframe').getAttribute('src');
    const reader = await admin.context().newPage();
    await reader.setViewportSize({ width: 640, height: 900 });
    await reader.goto(html!);
    await expect(reader.getByText(number).first()).toBeVisible();
    await expect(reader.getByText(AMSTERDAM).first()).toBeVisible();
    await reader.screenshot({ path: `${SHOTS}/order-confirmation-${locale}.png`, fullPage: true });
    await reader.close();
  }
});
