import { expect, test, type Browser, type Page } from '@playwright/test';
import postgres from 'postgres';
import { LAST_UNIT_SKU } from '../../db/seed-data';
import { demoVariant, euros } from '../fixtures/catalog';
import { USERS, type Role } from '../fixtures/users';
import { CLUSTER_URL, clusterDatabaseUrl, INSTANCE_URLS } from './cluster';

// N stateless instances on one PostgreSQL behave as one (DESIGN "Scale-out"): two `next start` on one
// database behind nginx round robin (e2e/cluster/serve-cluster.ts). Where a test must be sure that two
// browsers sit on different instances, it talks to each instance directly.
test.describe.configure({ timeout: 180_000 });

const UTRECHT = 'Omnishop Utrecht Oudegracht';

async function signedIn(browser: Browser, role: Role, baseURL: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(USERS[role].email);
  await page.getByLabel('Password').fill(USERS[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

async function anonymous(browser: Browser, baseURL: string): Promise<Page> {
  return (await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })).newPage();
}

/** Which instance answered a navigation (nginx's X-Upstream). */
async function visit(page: Page, url: string): Promise<string> {
  const response = await page.goto(url);
  expect(response?.ok()).toBe(true);
  return response!.headers()['x-upstream'];
}

test('[CLUSTER] requests alternate between both instances; a session and a cart hold across them', async ({ browser, request }) => {
  const upstreams = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const response = await request.get(`${CLUSTER_URL}/api/health/live`);
    expect(response.ok()).toBe(true);
    upstreams.add(response.headers()['x-upstream']);
  }
  expect(upstreams.size).toBe(2);

  const customer = await signedIn(browser, 'customer', CLUSTER_URL);
  await customer.goto('/products/cycling-the-netherlands');
  await customer.getByRole('button', { name: 'Add to cart' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();

  // Four page loads in a row land on both instances; each knows the session and shows the cart.
  const served = new Set<string>();
  for (let i = 0; i < 4; i++) {
    served.add(await visit(customer, '/cart'));
    await expect(customer.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
    await expect(customer.getByRole('main').getByRole('heading', { name: 'Cycling the Netherlands' })).toBeVisible();
    await expect(customer.getByRole('button', { name: 'Sign out' })).toBeVisible();
  }
  expect(served.size).toBe(2);
});

test('[CLUSTER][S1] a promotion created through one instance prices on the other at once; ending it reverts both', async ({ browser }) => {
  const sunglasses = demoVariant('SUN-AVI-GLD');
  const normal = euros(sunglasses.priceCents);
  const discounted = euros(Math.round(sunglasses.priceCents * 0.8));
  const promotionName = `Cluster sunglasses ${Date.now()}`;
  const admin = await signedIn(browser, 'admin', INSTANCE_URLS[0]);
  const shoppers = await Promise.all(INSTANCE_URLS.map((url) => anonymous(browser, url)));

  await admin.goto('/admin/promotions/new');
  await admin.getByLabel('Name').fill(promotionName);
  await admin.getByLabel('Percentage').check();
  await admin.getByLabel('Value').fill('20');
  await admin.getByLabel('Applies to').selectOption({ label: 'Category' });
  await admin.getByLabel('Category', { exact: true }).selectOption({ label: 'Sunglasses' });
  await admin.getByRole('button', { name: 'Save promotion' }).click();
  const row = admin.getByRole('row', { name: new RegExp(promotionName) });
  await expect(row.getByText('Active')).toBeVisible();

  for (const shopper of shoppers) {
    await shopper.goto(`/products/${sunglasses.productSlug}?variant=${sunglasses.sku}`);
    await expect(shopper.getByRole('main').getByText(discounted).first()).toBeVisible();
  }

  await row.getByRole('button', { name: `End now: ${promotionName}` }).click();
  await admin.getByRole('button', { name: 'Confirm end' }).click();
  await expect(row.getByText('Ended')).toBeVisible();
  for (const shopper of shoppers) {
    await shopper.reload();
    await expect(shopper.getByRole('main').getByText(normal).first()).toBeVisible();
    await expect(shopper.getByRole('main').getByText(discounted)).toHaveCount(0);
  }
});

test('[CLUSTER][CACHE] a setting saved through one instance is read on the other at once (its settings cache dropped by NOTIFY)', async ({ browser }) => {
  // Each instance keeps settings in memory (lib/settings/cache.ts); B reads the value first, so it holds it.
  const [adminA, adminB] = await Promise.all(INSTANCE_URLS.map((url) => signedIn(browser, 'admin', url)));
  const windowDays = (page: Page) => page.getByLabel('Return window (days)');
  await adminB.goto('/admin/settings');
  const before = await windowDays(adminB).inputValue();
  const changed = String(Number(before) === 30 ? 31 : 30);

  const save = async (page: Page, value: string) => {
    await page.goto('/admin/settings');
    await windowDays(page).fill(value);
    const form = page.locator('form').filter({ has: windowDays(page) });
    await form.getByRole('button', { name: 'Save policies' }).click();
    await expect(form.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  };
  await save(adminA, changed);
  await adminB.reload();
  await expect(windowDays(adminB)).toHaveValue(changed);

  await save(adminA, before);
  await adminB.reload();
  await expect(windowDays(adminB)).toHaveValue(before);
});

// Prices are read at each render's moment and never cached; these two guard that promise (DESIGN
// "Caches": a cache added later must be dropped on every instance and expire at a promotion's start).
test('[CLUSTER][CACHE] a price changed in admin on one instance shows on the other at once', async ({ browser }) => {
  const backpack = demoVariant('BAG-BPK-BLK');
  const path = `/products/${backpack.productSlug}?variant=${backpack.sku}`;
  const admin = await signedIn(browser, 'admin', INSTANCE_URLS[0]);
  const shopper = await anonymous(browser, INSTANCE_URLS[1]);
  await shopper.goto(path);
  await expect(shopper.getByRole('main').getByText(euros(backpack.priceCents)).first()).toBeVisible();

  const setPrice = async (text: string) => {
    await admin.goto('/admin/products');
    await admin.getByLabel('Search').fill('City Backpack');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await admin.getByRole('link', { name: 'Edit City Backpack' }).click();
    await admin.getByRole('link', { name: `Edit variant ${backpack.sku}` }).click();
    await admin.getByLabel('Price incl. VAT (€)', { exact: true }).fill(text);
    await admin.getByRole('button', { name: 'Save variant' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Variant saved.' })).toBeVisible();
  };
  const lowered = backpack.priceCents - 1000;
  await setPrice((lowered / 100).toFixed(2));
  try {
    await shopper.reload();
    await expect(shopper.getByRole('main').getByText(euros(lowered)).first()).toBeVisible();
    await expect(shopper.getByRole('main').getByText(euros(backpack.priceCents))).toHaveCount(0);
  } finally {
    await setPrice((backpack.priceCents / 100).toFixed(2));
  }
});

test('[CLUSTER][CACHE] a promotion that starts in a moment prices on both instances from its start', async ({ browser }) => {
  const beanie = demoVariant('HAT-BNE-GRY');
  const path = `/products/${beanie.productSlug}?variant=${beanie.sku}`;
  const discounted = euros(Math.round(beanie.priceCents * 0.75));
  const shoppers = await Promise.all(INSTANCE_URLS.map((url) => anonymous(browser, url)));
  // Each instance renders the page once first (a cold instance's first render is slow).
  for (const shopper of shoppers) {
    await shopper.goto(path);
    await expect(shopper.getByRole('main').getByText(euros(beanie.priceCents)).first()).toBeVisible();
  }
  const sql = postgres(clusterDatabaseUrl(), { max: 1, onnotice: () => {} });
  const name = `Beanie start ${Date.now()}`;
  try {
    // Written straight to the database: the admin form schedules by the minute.
    const [promotion] = await sql`
      insert into promotions (name, kind, value, target, target_id, starts_at)
      values (${name}, 'percentage', 25, 'variant', (select id from variants where sku = ${beanie.sku}), now() + interval '6 seconds')
      returning id, starts_at`;
    const startsAt = (promotion.starts_at as Date).getTime();
    // Before its start: still the normal price on both.
    for (const shopper of shoppers) {
      await shopper.reload();
      await expect(shopper.getByRole('main').getByText(euros(beanie.priceCents)).first()).toBeVisible();
      await expect(shopper.getByRole('main').getByText(discounted)).toHaveCount(0);
    }
    expect(Date.now(), 'both pages were read before the promotion started').toBeLessThan(startsAt);
    // From its start, each instance renders the promotion's price (the page was rendered on both before).
    for (const shopper of shoppers) {
      await expect
        .poll(async () => {
          await shopper.reload();
          return shopper.getByRole('main').getByText(discounted).count();
        }, { timeout: 20_000 })
        .toBeGreaterThan(0);
    }
  } finally {
    await sql`delete from promotions where name = ${name}`;
    await sql.end({ timeout: 5 });
  }
});

test('[CLUSTER][S5] a counter sale on one instance shows live on a product page open on the other', async ({ browser }) => {
  const watch = demoVariant(LAST_UNIT_SKU);
  const shopper = await anonymous(browser, INSTANCE_URLS[0]);
  const clerk = await signedIn(browser, 'clerkUtrecht', INSTANCE_URLS[1]);

  await shopper.goto(`/products/${watch.productSlug}?variant=${watch.sku}`);
  const utrecht = shopper.getByRole('list', { name: 'Availability in stores' }).getByRole('listitem').filter({ hasText: UTRECHT });
  await expect(utrecht).toContainText('1 available');

  await clerk.goto('/counter');
  const field = clerk.getByLabel('Scan or search products');
  await field.fill(watch.ean);
  await field.press('Enter');
  const cart = clerk.getByRole('region', { name: 'Counter cart' });
  await expect(cart.getByText(watch.sku)).toBeVisible();
  await cart.getByRole('link', { name: /^Pay/ }).or(cart.getByRole('button', { name: /^Pay/ })).click();
  await clerk.getByRole('button', { name: 'Card', exact: true }).click();
  await clerk.getByRole('button', { name: 'Confirm card payment' }).click();
  await expect(clerk.getByRole('heading', { name: /Receipt S-\d+/ })).toBeVisible();

  // Instance 1 sold it; instance 0's live stream (its own LISTEN) tells the open page within a second.
  await expect(utrecht).toContainText('Out of stock', { timeout: 1_000 });
});

/** The customer orders `sku` for pickup in Utrecht and pays on the test provider; returns the order, its page open and paid. */
async function placePaidPickup(customer: Page, sku: string): Promise<{ orderNumber: string; orderPage: string }> {
  const variant = demoVariant(sku);
  await customer.goto(`/products/${variant.productSlug}?variant=${variant.sku}`);
  await customer.getByRole('button', { name: 'Add to cart' }).click();
  await expect(customer.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await customer.goto('/checkout');
  await customer.getByLabel('Pick up in store').check();
  const storeSelect = customer.getByLabel('Pickup store');
  await storeSelect.selectOption((await storeSelect.locator('option', { hasText: UTRECHT }).getAttribute('value'))!);
  await customer.getByRole('button', { name: 'Place order and pay' }).click();
  await customer.getByRole('button', { name: 'Pay', exact: true }).click();
  const heading = customer.getByRole('heading', { name: /Order W-\d+/ });
  await expect(heading).toBeVisible();
  const orderNumber = (await heading.textContent())!.match(/W-\d+/)![0];
  await expect(customer.getByText('Paid').first()).toBeVisible({ timeout: 20_000 });
  return { orderNumber, orderPage: customer.url() };
}

test('[CLUSTER][S5] a pickup marked ready on one instance shows live on the order page open on the other', async ({ browser }) => {
  const customer = await signedIn(browser, 'customer', INSTANCE_URLS[0]);
  const clerk = await signedIn(browser, 'clerkUtrecht', INSTANCE_URLS[1]);
  const { orderNumber } = await placePaidPickup(customer, 'SHO-RUN-40-BLK');
  await expect(customer.getByText('You get your pickup code as soon as the order is ready.')).toBeVisible();

  await clerk.goto('/counter/pickups');
  await clerk.getByRole('article').filter({ hasText: orderNumber }).getByRole('button', { name: 'Mark ready' }).click();
  await expect(clerk.getByText(`Order ${orderNumber} is ready for pickup.`)).toBeVisible();

  // No reload: instance 0's stream pushes the order's change to the page left open there.
  await expect(customer.getByText('Pickup code', { exact: true })).toBeVisible({ timeout: 1_000 });
  await expect(customer.getByText('Ready for pickup').first()).toBeVisible();
});

test('[CLUSTER][S5] a pickup order paid on one instance appears live on the counter pickups list open on the other', async ({ browser }) => {
  const customer = await signedIn(browser, 'customer', INSTANCE_URLS[0]);
  const clerk = await signedIn(browser, 'clerkUtrecht', INSTANCE_URLS[1]);
  await clerk.goto('/counter/pickups');
  await expect(clerk.getByRole('link', { name: /To prepare/ })).toHaveAttribute('aria-current', 'page');

  const { orderNumber } = await placePaidPickup(customer, 'SHO-RUN-41-BLK');
  // Paid through instance 0 (its webhook); the list on instance 1 was never reloaded.
  await expect(clerk.getByRole('article').filter({ hasText: orderNumber })).toBeVisible({ timeout: 1_000 });
  await expect(clerk.getByRole('article').filter({ hasText: orderNumber }).getByRole('button', { name: 'Mark ready' })).toBeVisible();
});

test('[CLUSTER][S4] a pickup ordered on one instance is prepared and handed over on the other', async ({ browser }) => {
  const customer = await signedIn(browser, 'customer', INSTANCE_URLS[0]);
  const clerk = await signedIn(browser, 'clerkUtrecht', INSTANCE_URLS[1]);
  const { orderNumber, orderPage } = await placePaidPickup(customer, 'SHO-RUN-44-BLK');

  await clerk.goto('/counter/pickups');
  const order = clerk.getByRole('article').filter({ hasText: orderNumber });
  await order.getByRole('button', { name: 'Mark ready' }).click();
  // Wait for the step to be done: leaving the page earlier would cancel it.
  await expect(clerk.getByText(`Order ${orderNumber} is ready for pickup.`)).toBeVisible();
  await clerk.getByRole('link', { name: /Ready for pickup/ }).click();
  await customer.goto(orderPage);
  const code = (await customer.getByText(/^[A-Z0-9]{6}$/).textContent())!.trim();
  const ready = clerk.getByRole('article').filter({ hasText: orderNumber });
  await ready.getByLabel('Pickup code', { exact: true }).fill(code);
  await ready.getByRole('button', { name: 'Hand over' }).click();
  await clerk.getByRole('dialog').getByRole('button', { name: 'Confirm hand-over' }).click();
  await expect(clerk.getByText(`Order ${orderNumber} has been handed over.`)).toBeVisible();

  await customer.reload();
  await expect(customer.getByText('Collected').first()).toBeVisible();
});

test('[CLUSTER][JOBS] outbox messages are sent exactly once although both instances run the delivery job', async () => {
  const sql = postgres(clusterDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const cause = `cluster-test:${Date.now()}`;
    await sql.begin(async (tx) => {
      for (let i = 0; i < 40; i++) {
        await tx`insert into notifications (cause_key, channel, recipient, template_key, locale, payload)
                 values (${`${cause}:${i}`}, 'email', ${`cluster${i}@example.com`}, 'password_reset', 'en',
                         ${tx.json({ resetUrl: 'https://shop.example/reset', expiresInMinutes: 30 })})`;
      }
      await tx`select pg_notify('jobs_notification_delivery', '')`;
    });
    await expect
      .poll(async () => (await sql`select count(*)::int as n from notifications where cause_key like ${`${cause}:%`} and status = 'sent'`)[0].n, { timeout: 30_000 })
      .toBe(40);
    // A row claimed by both instances would show two attempts.
    const attempts = await sql`select attempts from notifications where cause_key like ${`${cause}:%`}`;
    expect(attempts.map((r) => r.attempts)).toEqual(Array(40).fill(1));
  } finally {
    await sql.end({ timeout: 5 });
  }
});

test('[CLUSTER][JOBS] an unpaid order past its hold time is cancelled once, its reservation released once', async ({ browser }) => {
  const shopper = await anonymous(browser, CLUSTER_URL);
  await shopper.goto('/products/cycling-the-netherlands');
  await shopper.getByRole('button', { name: 'Add to cart' }).click();
  await expect(shopper.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible();
  await shopper.goto('/checkout');
  await shopper.getByLabel('Email').fill('late.payer@example.com');
  await shopper.getByLabel('Full name').fill('Late Payer');
  await shopper.getByRole('radio', { name: 'Pick up in store' }).check();
  const store = shopper.getByLabel('Pickup store').locator('option', { hasText: 'everything in stock' }).first();
  await shopper.getByLabel('Pickup store').selectOption((await store.getAttribute('value'))!);
  await shopper.getByRole('button', { name: 'Place order and pay' }).click();
  await expect(shopper).toHaveURL(/\/pay\/tp_/); // …and never pays

  const sql = postgres(clusterDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [order] = await sql`select id, number from orders where email = 'late.payer@example.com'`;
    // Its hold time ran out: both instances are woken at once and race for it.
    await sql.begin(async (tx) => {
      await tx`update orders set placed_at = now() - interval '31 minutes' where id = ${order.id}`;
      await tx`select pg_notify('jobs_reservation_expiry', '')`;
    });
    await expect.poll(async () => (await sql`select status from orders where id = ${order.id}`)[0].status, { timeout: 30_000 }).toBe('cancelled');
    const events = await sql`select type from order_events where order_id = ${order.id} order by id`;
    expect(events.map((e) => e.type)).toEqual(['placed', 'cancelled']);
    const releases = await sql`select count(*)::int as n from stock_movements where reference = ${order.number} and reason = 'release'`;
    expect(releases[0].n).toBe(1);
  } finally {
    await sql.end({ timeout: 5 });
  }
});
