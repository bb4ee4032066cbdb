import fs from 'node:fs';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { readableQr } from '../../lib/cart-handoff/qr';
import { demoVariant } from '../fixtures/catalog';
import { emptyCounterCart } from '../fixtures/counter';
import { storageState, type Role } from '../fixtures/users';

// Story S6: the cart follows the shopper from the laptop to the phone and into the store. Anna's
// demo account and the Utrecht clerk's counter cart are shared with other specs: this test empties
// both first and uses a product of its own (one variant, 3+ units in Utrecht).
test.describe.configure({ timeout: 180_000 });

const ITEM = demoVariant('BAG-PAN-BLK');
const NAME = 'Bike Pannier Bag';
const SHOTS = 'screenshots/h7';

async function pageAs(browser: Browser, role: Role, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role), ...(viewport ? { viewport } : {}) });
  return context.newPage();
}

async function emptyWebCart(page: Page, removeName = /^Remove /, emptyTitle = 'Your cart is empty') {
  await page.goto('/cart');
  const remove = page.getByRole('button', { name: removeName });
  while ((await remove.count()) > 0) {
    const before = await remove.count();
    await remove.first().click();
    await expect(remove).toHaveCount(before - 1);
  }
  await expect(page.getByRole('heading', { name: emptyTitle })).toBeVisible();
}

test('[OMNICHANNEL][S6] two devices see one cart; the phone shows the QR and code; the counter types the code and holds the same lines, total and customer', async ({ browser }) => {
  const laptop = await pageAs(browser, 'customer');
  const phone = await pageAs(browser, 'customer', { width: 390, height: 844 });
  const clerk = await pageAs(browser, 'clerkUtrecht', { width: 1024, height: 768 });

  // The laptop fills the cart.
  await emptyWebCart(laptop);
  await laptop.goto(`/products/${ITEM.productSlug}`);
  await laptop.getByRole('button', { name: 'Add to cart' }).click();
  await expect(laptop.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await laptop.goto('/cart');
  await expect(laptop.getByRole('link', { name: NAME }).first()).toBeVisible();
  const webTotal = (await laptop.getByTestId('order-total').innerText()).trim();

  // The phone, signed in as the same person in another browser, sees the same cart.
  await phone.goto('/cart');
  await expect(phone.getByRole('link', { name: NAME }).first()).toBeVisible();
  await expect(phone.getByText(webTotal).first()).toBeVisible();

  // "Continue in store": a QR and a 6-character code.
  await phone.getByRole('button', { name: 'Continue in store' }).click();
  await expect(phone.getByRole('img', { name: 'QR code of your cart' })).toBeVisible();
  const code = (await phone.getByTestId('handoff-code').innerText()).trim();
  expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
  await phone.getByRole('heading', { name: 'Continue in store' }).scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${SHOTS}/shop-cart-qr-phone-en.png`, fullPage: true });

  // The Utrecht clerk types the code at "Load a cart".
  await emptyCounterCart(clerk);
  await clerk.getByRole('link', { name: 'Load a cart' }).click();
  await expect(clerk.getByRole('heading', { name: 'Load a cart' })).toBeVisible();
  await clerk.getByLabel('Cart code').fill(code.toLowerCase());
  await clerk.getByRole('button', { name: 'Load cart' }).click();
  await expect(clerk.getByRole('heading', { name: /1 item line loaded for Anna de Jong/ })).toBeVisible();
  await clerk.screenshot({ path: `${SHOTS}/counter-load-cart-loaded-landscape-en.png`, fullPage: true });

  // The sale holds the same line and the same total (priced by the same priceCart, counter channel).
  await clerk.getByRole('link', { name: 'Go to the sale' }).click();
  const counterCart = clerk.getByRole('region', { name: 'Counter cart' });
  await expect(counterCart.getByText(NAME).first()).toBeVisible();
  await expect(counterCart.getByText(webTotal).first()).toBeVisible();

  // Handed over: the web cart is empty on every device, and the code does not work twice.
  await phone.goto('/cart');
  await expect(phone.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
  await clerk.goto('/counter/load-cart');
  await clerk.getByLabel('Cart code').fill(code);
  await clerk.getByRole('button', { name: 'Load cart' }).click();
  await expect(clerk.getByText('This cart code has already been used.')).toBeVisible();
  await clerk.getByLabel('Cart code').fill('ZZZ-ZZZ');
  await clerk.getByRole('button', { name: 'Load cart' }).click();
  await expect(clerk.getByText(/No cart has this code|already been used/)).toBeVisible();

  await emptyCounterCart(clerk);
});

test('[OMNICHANNEL][S6] screenshots: the cart QR on a phone and "Load a cart" on the tablet, in English and Dutch', async ({ browser, baseURL }) => {
  const phone = await pageAs(browser, 'customer', { width: 390, height: 844 });
  await phone.context().addCookies([{ name: 'NEXT_LOCALE', value: 'nl', url: baseURL! }]);
  await emptyWebCart(phone, / verwijderen$/, 'Je winkelwagen is leeg');
  await phone.goto(`/products/${ITEM.productSlug}`);
  await phone.getByRole('button', { name: 'In winkelwagen' }).click();
  await expect(phone.getByRole('status').filter({ hasText: /toegevoegd/i })).toBeVisible();
  await phone.goto('/cart');
  await phone.getByRole('button', { name: 'Verder in de winkel' }).click();
  await expect(phone.getByTestId('handoff-code')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/shop-cart-qr-phone-nl.png`, fullPage: true });

  for (const locale of ['en', 'nl'] as const) {
    for (const [name, viewport] of [
      ['landscape', { width: 1024, height: 768 }],
      ['portrait', { width: 768, height: 1024 }],
    ] as const) {
      const clerk = await pageAs(browser, 'clerkUtrecht', viewport);
      await clerk.context().addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }]);
      await clerk.goto('/counter/load-cart');
      await expect(clerk.getByRole('heading', { level: 1 })).toBeVisible();
      await clerk.screenshot({ path: `${SHOTS}/counter-load-cart-${name}-${locale}.png`, fullPage: true });
      if (name === 'portrait') {
        await clerk.locator('#cart-code').fill('K7M2QX');
        await clerk.locator('#cart-code').press('Enter');
        await expect(clerk.locator('#cart-code-error p')).toBeVisible();
        await clerk.screenshot({ path: `${SHOTS}/counter-load-cart-error-${name}-${locale}.png`, fullPage: true });
      }
      await clerk.context().close();
    }
  }

  // Leave Anna's cart as it was: empty.
  await emptyWebCart(phone, / verwijderen$/, 'Je winkelwagen is leeg');
});

/** A Y4M video (what Chromium's fake camera plays) showing the QR of `text`, black on white. */
function qrVideo(text: string, file: string): void {
  const width = 640;
  const height = 480;
  // The QR as the cart page draws it (a mask the counter's reader reads).
  const { modules } = readableQr(text);
  const scale = Math.floor(360 / (modules.size + 8));
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  const y = Buffer.alloc(width * height, 235);
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c))
        for (let dy = 0; dy < scale; dy++) y.fill(16, (top + r * scale + dy) * width + left + c * scale, (top + r * scale + dy) * width + left + (c + 1) * scale);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}

test('[OMNICHANNEL][S6] the tablet camera reads the cart QR (Chromium fake camera playing the QR) and loads the cart', async ({ browser, baseURL }, testInfo) => {
  const phone = await pageAs(browser, 'customer', { width: 390, height: 844 });
  await emptyWebCart(phone);
  await phone.goto(`/products/${ITEM.productSlug}`);
  await phone.getByRole('button', { name: 'Add to cart' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await phone.goto('/cart');
  await phone.getByRole('button', { name: 'Continue in store' }).click();
  const code = (await phone.getByTestId('handoff-code').innerText()).trim();

  const video = testInfo.outputPath('cart-qr.y4m');
  fs.mkdirSync(path.dirname(video), { recursive: true });
  qrVideo(`OMNISHOP-CART:${code}`, video);
  const tablet = await chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await tablet.newContext({ storageState: storageState('clerkUtrecht'), viewport: { width: 1024, height: 768 }, baseURL });
    await context.grantPermissions(['camera'], { origin: baseURL! });
    const clerk = await context.newPage();
    await emptyCounterCart(clerk);
    await clerk.goto('/counter/load-cart');
    await clerk.getByRole('button', { name: 'Scan QR with camera' }).click();
    await expect(clerk.getByRole('heading', { name: /1 item line loaded for Anna de Jong/ })).toBeVisible({ timeout: 30_000 });
    await emptyCounterCart(clerk);
  } finally {
    await tablet.close();
  }
});
