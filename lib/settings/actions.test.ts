/**
 * The admin settings actions below the browser: FormData-shaped input → wrapper → form schema →
 * saveSettings / updateStoreSettings, with audit rows; and that what they save is what every surface
 * charges and shows. Session and translator are stubbed; other roles are refused in lib/security.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';

const state = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));

vi.mock('@/lib/auth/session', async () => ({
  ADMIN_ROLES: ['admin'],
  COUNTER_ROLES: ['clerk', 'admin'],
  getActor: async () => state.actor,
  authorize: async () => state.actor,
}));
vi.mock('@/lib/db', () => ({ getDb: () => state.db }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('@/lib/i18n/translate', () => ({
  getTranslator: async () => ({ locale: 'en', t: createTranslator({ locale: 'en', messages: MESSAGES.en }) }),
}));

const { savePoliciesSettingsAction, savePricingSettingsAction, saveShopSettingsAction, saveStoreSettingsAction } = await import('./actions');
const { getSetting } = await import('./settings');
const { getPricedCart } = await import('@/lib/carts/queries');
const { addToCart, getOrCreateCounterCart, getOrCreateWebCart } = await import('@/lib/carts/mutations');
const { listStores } = await import('@/lib/locations/queries');
const { placeOrder } = await import('@/lib/orders/mutations');
const { completeCounterSale } = await import('@/lib/orders/counter-sale');

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 10 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  state.actor = admin;
});

const SHOP_FORM = {
  shopName: 'Winkel',
  legalName: 'Winkel B.V.',
  street: 'Oudegracht 1',
  postcode: '3511 AA',
  city: 'Utrecht',
  country: 'nl',
  vatNumber: 'nl123456789b01',
  cocNumber: '87654321',
  email: 'boekhouding@winkel.test',
  phone: '030 123 4567',
  iban: '',
};
const PRICING_FORM = { vatStandard: '21', vatReduced: '9', vatZero: '0', deliveryFee: '4,95', freeDeliveryThreshold: '50' };
const auditRows = () => db.select({ action: auditLog.action, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after }).from(auditLog);

describe('settings actions', () => {
  it('save the shop and seller details normalised, with one audit row per changed setting (before/after)', async () => {
    expect(await saveShopSettingsAction(SHOP_FORM)).toEqual({ ok: true, message: 'Settings saved.' });
    expect(await getSetting(db, 'shop')).toEqual({ name: 'Winkel' });
    const seller = await getSetting(db, 'seller');
    expect(seller).toMatchObject({ legalName: 'Winkel B.V.', country: 'NL', vatNumber: 'NL123456789B01', cocNumber: '87654321' });
    expect(seller.iban).toBeUndefined();
    const rows = await auditRows();
    expect(rows.map((r) => [r.action, r.entityId]).sort()).toEqual([
      ['setting.updated', 'seller'],
      ['setting.updated', 'shop'],
    ]);
    expect(rows.find((r) => r.entityId === 'shop')).toMatchObject({ before: { name: 'Omnishop' }, after: { name: 'Winkel' } });
    // The same again: nothing to save, nothing audited.
    expect(await saveShopSettingsAction(SHOP_FORM)).toEqual({ ok: true, message: 'Nothing changed.' });
    expect(await auditRows()).toHaveLength(2);
  });

  it('refuse bad input with a localized message on each field and change nothing', async () => {
    const result = await saveShopSettingsAction({ ...SHOP_FORM, vatNumber: '123', cocNumber: '1234', country: 'Netherlands', iban: 'NL00' });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        vatNumber: ['Enter a VAT number such as NL123456789B01.'],
        cocNumber: ['Enter the 8 digits of the KvK number.'],
        country: ['Enter a two-letter country code, such as NL.'],
        iban: ['Enter a valid IBAN, such as NL91ABNA0417164300.'],
      },
    });
    expect(await savePricingSettingsAction({ ...PRICING_FORM, vatStandard: '121', deliveryFee: '-1' })).toMatchObject({
      ok: false,
      fieldErrors: { vatStandard: ['Enter a percentage from 0 to 100, such as 21 or 10,5.'], deliveryFee: ['Enter an amount such as 12,50.'] },
    });
    expect(
      await savePoliciesSettingsAction({ holdMinutes: '2', returnWindowDays: '30', lowStockThreshold: 'x', pointsPerEuro: '1', redeemStepPoints: '100', redeemStepValue: '1' }),
    ).toMatchObject({ ok: false, fieldErrors: { holdMinutes: ['Enter 5 or more.'], lowStockThreshold: ['Enter a whole number.'] } });
    expect(await saveShopSettingsAction({ ...SHOP_FORM, role: 'admin' })).toMatchObject({ ok: false });
    expect((await getSetting(db, 'seller')).legalName).toBe('Omnishop B.V.');
    expect((await getSetting(db, 'vat')).standard).toBe(2100);
    expect(await auditRows()).toEqual([]);
  });

  it('save the policies: hold time, return window, low-stock threshold and the loyalty rate', async () => {
    const result = await savePoliciesSettingsAction({
      holdMinutes: '45',
      returnWindowDays: '14',
      lowStockThreshold: '3',
      pointsPerEuro: '2',
      redeemStepPoints: '200',
      redeemStepValue: '2,50',
      refundShippingOnFullReturn: 'on',
      storeCreditExpiryMonths: '6',
    });
    expect(result).toMatchObject({ ok: true });
    expect(await getSetting(db, 'reservations')).toEqual({ holdMinutes: 45 });
    expect(await getSetting(db, 'returns')).toEqual({ windowDays: 14, refundShippingOnFullReturn: true, storeCreditExpiryMonths: 6 });
    // The checkbox left unticked: no shipping refund; a blank expiry keeps the stored months.
    const again = { holdMinutes: '45', returnWindowDays: '14', lowStockThreshold: '3', pointsPerEuro: '2', redeemStepPoints: '200', redeemStepValue: '2,50', storeCreditExpiryMonths: '' };
    expect(await savePoliciesSettingsAction(again)).toMatchObject({ ok: true });
    expect(await getSetting(db, 'returns')).toEqual({ windowDays: 14, refundShippingOnFullReturn: false, storeCreditExpiryMonths: 6 });
    expect(await getSetting(db, 'stock')).toEqual({ lowStockThreshold: 3 });
    expect(await getSetting(db, 'loyalty')).toEqual({ pointsPerEuro: 2, redeemStepPoints: 200, redeemStepCents: 250 });
  });

  it('a changed VAT rate and delivery fee are charged the same in the web cart, at checkout and at the counter', async () => {
    expect(await savePricingSettingsAction({ ...PRICING_FORM, vatStandard: '20', deliveryFee: '6,95', freeDeliveryThreshold: '75' })).toMatchObject({ ok: true });
    const now = new Date();
    const { cartId: webCart } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId: webCart, variantId: shop.variant.id, quantity: 1 }); // € 50: under the new € 75 threshold
    const preview = (await getPricedCart(db, webCart, { now, channel: 'web', fulfilment: 'delivery' }))!;
    expect(preview.totals).toMatchObject({ shippingCents: 695, totalCents: 5695, vat: [{ rateBp: 2000, grossCents: 5695, vatCents: 949 }] });
    const web = await placeOrder(
      db,
      {
        idempotencyKey: randomUUID(),
        channel: 'web',
        fulfilment: 'delivery',
        cartId: webCart,
        email: 'eva@example.com',
        customerName: 'Eva',
        shippingAddress: { name: 'Eva', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' },
        expectedTotalCents: 5695,
      },
      null,
    );
    expect(web.totalCents).toBe(5695);

    const clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
    const { cartId: counterCart } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: null });
    await addToCart(db, { cartId: counterCart, variantId: shop.variant.id, quantity: 1 });
    const counterView = (await getPricedCart(db, counterCart, { now }))!;
    const sale = await completeCounterSale(
      db,
      { idempotencyKey: randomUUID(), method: 'card_terminal', cartId: counterCart, storeId: shop.storeA.id, expectedTotalCents: counterView.totals.totalCents },
      clerk,
    );
    const [webRow] = await db.select({ vat: orders.vatBreakdown, shipping: orders.shippingCents }).from(orders).where(eq(orders.id, web.orderId));
    const [storeRow] = await db.select({ vat: orders.vatBreakdown, total: orders.totalCents }).from(orders).where(eq(orders.id, sale.orderId));
    expect(webRow).toEqual({ shipping: 695, vat: [{ rateBp: 2000, grossCents: 5695, vatCents: 949 }] });
    // The same goods at the counter: the same rate, no delivery.
    expect(storeRow).toEqual({ total: 5000, vat: [{ rateBp: 2000, grossCents: 5000, vatCents: 833 }] });
  });

  it('store hours and pickup: saved per store, shown by the store finder, and honoured at checkout', async () => {
    const result = await saveStoreSettingsAction({
      locationId: String(shop.storeA.id),
      hours1: '09:00-12:00, 13:00-18:00',
      hours2: '9.30-17.30',
      hours3: '',
      hours4: '09:00-21:00',
      hours5: '09:00-18:00',
      hours6: '10:00-17:00',
      hours7: '',
    });
    expect(result).toEqual({ ok: true, message: `${shop.storeA.name}: opening hours and pickup saved.` });
    const store = (await listStores(db)).find((s) => s.id === shop.storeA.id)!;
    expect(store.openingHours['1']).toEqual([
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ]);
    expect(store.openingHours['2']).toEqual([['09:30', '17:30']]);
    expect(store.openingHours['3']).toEqual([]);
    expect(store.pickupEnabled).toBe(false); // the checkbox was not sent
    const [audit] = await auditRows();
    expect(audit).toMatchObject({ action: 'location.updated', entityId: String(shop.storeA.id), before: { pickupEnabled: true }, after: { pickupEnabled: false } });

    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await expect(
      placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id, email: 'eva@example.com' }, null),
    ).rejects.toMatchObject({ code: 'pickupUnavailable' });

    const bad = await saveStoreSettingsAction({ locationId: String(shop.storeA.id), hours1: '18:00-09:00', hours2: '09:00-13:00, 12:00-17:00', hours3: 'mornings', hours4: '', hours5: '', hours6: '', hours7: '', pickupEnabled: 'on' });
    const message = 'Enter times like 09:00-17:30, separated by commas; each range must close after it opens and not overlap.';
    expect(bad).toMatchObject({ ok: false, fieldErrors: { hours1: [message], hours2: [message], hours3: [message] } });
    expect((await listStores(db)).find((s) => s.id === shop.storeA.id)!.pickupEnabled).toBe(false);
    // The warehouse is not a store.
    expect(await saveStoreSettingsAction({ locationId: String(shop.warehouse.id), hours1: '', hours2: '', hours3: '', hours4: '', hours5: '', hours6: '', hours7: '' })).toMatchObject({ ok: false });
  });
});
