/**
 * For every server action: a valid input that names what the world's OWNERS hold (the owner's cart,
 * order or payment, store A's counter cart or pickup, the promotion), and what a caller who is allowed
 * by role but is NOT the owner may do with it. The matrix (matrix.security.test.ts) calls each action
 * with this input as all six personas; the fuzz suite starts its hostile inputs from it.
 *
 * A new action without an entry here fails the suite: say what it may touch before it ships.
 */
import { randomUUID } from 'node:crypto';
import { pngFile, validEan } from '@/lib/catalog/testing';
import { TILL_COOKIE } from '@/lib/till/device';
import { securityState } from './harness';
import type { Persona, World } from './world';
import { OWNER_PASSWORD, PERSONAS, PROMO_CODE } from './world';

export interface Scenario {
  input: (world: World, persona: Persona) => Record<string, unknown>;
  /** Who is expected to succeed. Default: the customer for public/customer actions, the clerk of store A for counter, the admin for admin. */
  owners?: Persona[];
  /**
   * What the other callers that the role allows get:
   * - 'refused': the input names an owner's thing, so they must be refused;
   * - 'own': they may succeed, but only on things of their own (the owners' things stay unchanged);
   * - 'bearer': the input itself is the credential (an unguessable link), by design (`why`).
   * In every case the owners' data must be unchanged after their call.
   */
  others: 'refused' | 'own' | 'bearer';
  why?: string;
}

const variant = (w: World) => String(w.shop.variant.id);
const productForm = (w: World) => ({
  nameNl: 'Trailloper',
  nameEn: 'Trail Runner',
  descriptionNl: '',
  descriptionEn: '',
  brand: 'Acme',
  slug: 'trail-runner',
  categoryId: String(w.shop.category.id),
  taxClass: 'standard',
  active: 'on',
});
const variantForm = { size: '43', color: 'black', sku: 'TR-43-BLK', ean: validEan('871000000002'), price: '89,95', active: 'on' };
const catalogCsv = (w: World) =>
  `product_slug,brand,name_en,name_nl,category_slug,tax_class,sku,ean,price\n${w.shop.product.slug},Acme,Trail Runner,Trailloper,${w.shop.category.slug},standard,${w.shop.variant.sku},${w.shop.variant.ean},"45,00"\n`;
const promotionForm = {
  name: 'Socks week',
  kind: 'percentage',
  value: '15',
  target: 'all',
  startsAt: '',
  endsAt: '',
  code: '',
  channels: ['web', 'store'],
};

/** The till actions act on the device's till: every caller presents store A's till cookie (stolen, for the others). */
const withTillCookie = (w: World, input: Record<string, unknown>) => {
  securityState.cookies.set(TILL_COOKIE, String(w.tillSessionId));
  return input;
};
const shopSellerForm = {
  shopName: 'Winkel',
  legalName: 'Winkel B.V.',
  street: 'Oudegracht 1',
  postcode: '3511 AA',
  city: 'Utrecht',
  country: 'NL',
  vatNumber: 'NL123456789B01',
  cocNumber: '87654321',
  email: 'boekhouding@winkel.test',
  phone: '030 123 4567',
  iban: '',
};
const storeHoursForm = { hours1: '09:00-18:00', hours2: '09:00-18:00', hours3: '', hours4: '09:00-21:00', hours5: '09:00-18:00', hours6: '10:00-17:00', hours7: '', pickupEnabled: 'on' };

export const SCENARIOS: Record<string, Scenario> = {
  // Stock (admins only): a count and a threshold at store A.
  'lib/inventory/actions.ts#adjustStockAction': {
    input: (w) => ({ variantId: variant(w), locationId: String(w.shop.storeA.id), mode: 'set', quantity: '12', reason: 'count', note: 'recount' }),
    others: 'refused',
  },
  'lib/inventory/actions.ts#setLowStockThresholdAction': { input: (w) => ({ variantId: variant(w), locationId: String(w.shop.storeA.id), threshold: '3' }), others: 'refused' },
  // Transfers: admins request and cancel; ship / receive also clerks of the origin / destination store.
  // The world's transfers have the warehouse at one end, so no clerk may act on them.
  'lib/transfers/actions.ts#requestTransferAction': {
    input: (w) => ({ fromLocationId: String(w.shop.warehouse.id), toLocationId: String(w.shop.storeA.id), sku: [w.shop.variant.sku], quantity: ['2'], note: '' }),
    others: 'refused',
  },
  'lib/transfers/actions.ts#shipTransferAction': { input: (w) => ({ transferId: String(w.transfers.requestedTransferId), surface: 'admin' }), owners: ['admin'], others: 'refused' },
  'lib/transfers/actions.ts#cancelTransferAction': { input: (w) => ({ transferId: String(w.transfers.requestedTransferId), surface: 'admin' }), others: 'refused' },
  'lib/transfers/actions.ts#receiveTransferAction': {
    input: (w) => ({ transferId: String(w.transfers.inTransitTransferId), surface: 'admin', lineId: [String(w.transfers.inTransitLineId)], received: ['1'] }),
    owners: ['admin'],
    others: 'refused',
  },
  // Endless aisle (counter): the store is the caller's session's; another store's clerk orders for their own store.
  'lib/endless-aisle/actions.ts#placeEndlessAisleOrderAction': {
    input: (w) => ({
      idempotencyKey: randomUUID(),
      variantId: variant(w),
      quantity: '1',
      sourceLocationId: String(w.shop.warehouse.id),
      fulfilment: 'pickup',
      name: 'Walk-in',
      email: 'walk-in@example.com',
      method: 'card_terminal',
    }),
    others: 'own',
  },
  // Admin settings (admins only): shop and seller, VAT and delivery, policies, a store's hours and pickup.
  'lib/settings/actions.ts#saveShopSettingsAction': { input: () => ({ ...shopSellerForm }), others: 'refused' },
  'lib/settings/actions.ts#savePricingSettingsAction': {
    input: () => ({ vatStandard: '20', vatReduced: '9', vatZero: '0', deliveryFee: '5,95', freeDeliveryThreshold: '60' }),
    others: 'refused',
  },
  'lib/settings/actions.ts#savePoliciesSettingsAction': {
    input: () => ({ holdMinutes: '45', returnWindowDays: '14', lowStockThreshold: '3', pointsPerEuro: '2', redeemStepPoints: '100', redeemStepValue: '1' }),
    others: 'refused',
  },
  // Staff discounts (clerks and admins) on store A's clerk's own counter cart: 5 % of the sale, within a clerk's 10 %.
  // Another clerk or an admin has no such cart: refused; nobody changes the owner's cart.
  'lib/staff-discounts/actions.ts#giveStaffDiscountAction': { input: () => ({ variantId: '', kind: 'percentage', value: '5', reason: 'damaged box' }), others: 'refused' },
  'lib/staff-discounts/actions.ts#removeStaffDiscountAction': { input: () => ({ variantId: '' }), others: 'refused' },
  'lib/settings/actions.ts#saveStaffDiscountSettingsAction': { input: () => ({ clerkMaxPercent: '15', adminMaxPercent: '50' }), others: 'refused' },
  'lib/settings/actions.ts#saveStoreSettingsAction': { input: (w) => ({ ...storeHoursForm, locationId: String(w.shop.storeA.id) }), others: 'refused' },

  // Till (counter): the store is the session's, the till the device's cookie checked against the store.
  'lib/till/actions.ts#openTillAction': { input: () => ({ tillName: 'Till 9', openingFloat: '100' }), others: 'own' },
  'lib/till/actions.ts#continueOnTillAction': { input: (w) => ({ sessionId: String(w.tillSessionId) }), others: 'refused' },
  'lib/till/actions.ts#recordCashMovementAction': {
    input: (w) => withTillCookie(w, { kind: 'cash_in', amount: '10', reason: 'Change from the bank' }),
    others: 'refused',
  },
  'lib/till/actions.ts#closeTillAction': { input: (w) => withTillCookie(w, { count_5000: '2', closingNote: '' }), others: 'refused' },

  // Web cart: the cart comes from the session or the cookie, never from the input.
  'lib/carts/actions.ts#addToCartAction': { input: (w) => ({ variantId: variant(w), quantity: '1' }), others: 'own' },
  'lib/carts/actions.ts#setLineQuantityAction': { input: (w) => ({ variantId: variant(w), quantity: '5' }), others: 'refused' },
  'lib/carts/actions.ts#removeLineAction': { input: (w) => ({ variantId: variant(w) }), others: 'refused' },
  'lib/carts/actions.ts#applyPromotionCodeAction': { input: () => ({ code: PROMO_CODE.toLowerCase() }), others: 'refused' },
  'lib/carts/actions.ts#removePromotionCodeAction': { input: () => ({ code: PROMO_CODE }), others: 'refused' },
  'lib/carts/actions.ts#claimCartAction': { input: () => ({}), others: 'own' },
  'lib/cart-handoff/actions.ts#startCartHandoffAction': { input: () => ({}), others: 'own' },
  'lib/cart-handoff/counter-actions.ts#loadCartHandoffAction': {
    input: (w, p) => ({ code: w.handoffCodes[p] }),
    others: 'bearer',
    why: 'a cart code is shown by the shopper to the clerk of whichever store they walk into: any counter may load it, once',
  },

  // Counter cart: always the signed-in clerk's own, in the session's store.
  'lib/carts/counter-actions.ts#scanToCounterCartAction': { input: (w) => ({ code: w.shop.variant.sku }), others: 'own' },
  'lib/carts/counter-actions.ts#addToCounterCartAction': { input: (w) => ({ variantId: variant(w), quantity: '1' }), others: 'own' },
  'lib/carts/counter-actions.ts#setCounterLineQuantityAction': { input: (w) => ({ variantId: variant(w), quantity: '3' }), others: 'own' },
  'lib/carts/counter-actions.ts#removeCounterLineAction': { input: (w) => ({ variantId: variant(w) }), others: 'own' },
  'lib/carts/counter-actions.ts#applyCounterCodeAction': { input: () => ({ code: PROMO_CODE }), others: 'own' },
  'lib/carts/counter-actions.ts#removeCounterCodeAction': { input: () => ({ code: PROMO_CODE }), others: 'own' },
  'lib/orders/counter-actions.ts#completeCounterSaleAction': {
    // One unit at € 50,00 with the 10% code.
    input: () => ({ idempotencyKey: randomUUID(), method: 'card_terminal', expectedTotalCents: '4500' }),
    others: 'own',
  },
  'lib/orders/counter-actions.ts#advancePickupAction': { input: (w) => ({ orderId: w.pickupOrderId, to: 'ready_for_pickup' }), others: 'refused' },
  'lib/orders/counter-actions.ts#handOverPickupAction': { input: (w) => ({ orderId: w.readyPickupOrderId, pickupCode: w.readyPickupCode }), others: 'refused' },
  'lib/orders/counter-actions.ts#undoHandoverAction': { input: (w) => ({ orderId: w.collectedPickupOrderId }), others: 'refused' },
  'lib/orders/counter-actions.ts#chooseCounterStoreAction': { input: (w) => ({ storeId: String(w.shop.storeA.id) }), others: 'refused' },
  'lib/orders/counter-actions.ts#clearCounterStoreAction': { input: () => ({}), others: 'refused' },

  // Returns at the counter (any order, at the caller's own store): store A's clerk acts on the owner's order;
  // every other caller names the walk-in's order of store B instead (store B's clerk may: their own store).
  'lib/returns/counter-actions.ts#counterReturnAction': {
    input: (w, p) => {
      const o = p === 'clerk' ? w.counterReturns.owner : w.counterReturns.walkIn;
      return { orderId: o.orderId, idempotencyKey: randomUUID(), to: 'card_terminal', orderLineId: [String(o.orderLineId)], quantity: ['1'], reason: ['too_small'], reasonNote: [''], condition: ['resellable'] };
    },
    others: 'own',
  },
  'lib/returns/counter-actions.ts#counterExchangeAction': {
    input: (w, p) => {
      const o = p === 'clerk' ? w.counterReturns.owner : w.counterReturns.walkIn;
      return {
        orderId: o.orderId,
        idempotencyKey: randomUUID(),
        orderLineId: [String(o.orderLineId)],
        quantity: ['1'],
        reason: ['too_small'],
        reasonNote: [''],
        condition: ['resellable'],
        replacementVariantId: [variant(w)],
        replacementCode: [''],
      };
    },
    others: 'own',
  },
  'lib/returns/counter-actions.ts#receiveCounterReturnAction': {
    input: (w, p) => {
      const o = p === 'clerk' ? w.counterReturns.owner : w.counterReturns.walkIn;
      return { returnId: o.requestedReturnId, idempotencyKey: randomUUID(), to: 'card_terminal', returnLineId: [String(o.requestedReturnLineId)], condition: ['resellable'] };
    },
    others: 'own',
  },
  'lib/returns/counter-actions.ts#refundCounterReturnAction': {
    input: (w, p) => ({ returnId: (p === 'clerk' ? w.counterReturns.owner : w.counterReturns.walkIn).receivedReturnId, idempotencyKey: randomUUID(), to: 'card_terminal' }),
    others: 'own',
  },
  'lib/returns/counter-actions.ts#payExchangeDifferenceAction': {
    input: (w, p) => ({ returnId: (p === 'clerk' ? w.counterReturns.owner : w.counterReturns.walkIn).dearerExchangeReturnId, idempotencyKey: randomUUID(), method: 'card_terminal' }),
    others: 'own',
  },

  // Checkout and payments: the order must be the caller's (customer, or the guest browser that placed it).
  'lib/orders/checkout-actions.ts#placeWebOrderAction': {
    input: (w) => ({ idempotencyKey: randomUUID(), fulfilment: 'pickup', pickupLocationId: String(w.shop.storeA.id), email: 'owner@example.com', name: 'Owner' }),
    others: 'refused',
  },
  'lib/payments/actions.ts#retryPaymentAction': { input: (w) => ({ orderId: w.unpaidOrderId }), others: 'refused' },
  'lib/payments/actions.ts#decideTestPaymentAction': {
    input: (w) => ({ paymentId: w.paymentReference, outcome: 'succeeded' }),
    others: 'bearer',
    why: 'the test provider’s hosted page: whoever holds the unguessable payment link decides, as on a real provider’s page; the outcome arrives by signed webhook',
  },

  // Identity and locale: each acts on the caller alone.
  'lib/identity/actions.ts#signInAction': { input: () => ({ email: 'owner@example.com', password: 'correct horse' }), owners: [...PERSONAS], others: 'own' },
  'lib/identity/actions.ts#signUpAction': {
    input: (_w, persona) => ({ name: persona, email: `new-${persona.toLowerCase()}@example.com`, password: 'long enough 1', confirmPassword: 'long enough 1' }),
    owners: [...PERSONAS],
    others: 'own',
  },
  'lib/identity/actions.ts#signOutAction': { input: () => ({}), owners: [...PERSONAS], others: 'own' },
  // The same answer for every address; only the customer asks for a known one (a link to the owner's mailbox).
  'lib/identity/actions.ts#requestPasswordResetAction': {
    input: (_w, persona) => ({ email: persona === 'customer' ? 'owner@example.com' : `${persona.toLowerCase()}@example.com` }),
    owners: [...PERSONAS],
    others: 'own',
  },
  'lib/identity/actions.ts#resetPasswordAction': {
    input: (w, persona) => ({ token: persona === 'anonymous' ? w.resetTokens.owner : w.resetTokens.other, password: 'a new long password', confirmPassword: 'a new long password' }),
    owners: ['anonymous'],
    others: 'bearer',
    why: 'the mailed link is the credential: whoever holds it sets the password of the account it names (the owner, signed out, holds theirs; the others hold another customer’s)',
  },
  'lib/identity/actions.ts#resendVerificationAction': { input: () => ({}), others: 'own' },
  // The account page: each acts on the caller's own account and profile; an address is named by id, so
  // another customer naming the owner's address is refused.
  'lib/identity/account-actions.ts#updateProfileAction': { input: () => ({ name: 'Renamed', phone: '06 12345678' }), others: 'own' },
  'lib/identity/account-actions.ts#changeEmailAction': {
    input: (_w, persona) => ({ email: `changed-${persona.toLowerCase()}@example.com`, currentPassword: OWNER_PASSWORD }),
    others: 'own',
  },
  'lib/identity/account-actions.ts#changePasswordAction': {
    input: () => ({ currentPassword: OWNER_PASSWORD, password: 'a brand new password', confirmPassword: 'a brand new password' }),
    others: 'own',
  },
  'lib/identity/account-actions.ts#updatePreferencesAction': {
    input: (w) => ({ notifyByEmail: 'on', notifyBySms: 'on', preferredLocationId: String(w.shop.storeA.id), locale: 'en' }),
    others: 'own',
  },
  'lib/identity/account-actions.ts#saveAddressAction': {
    input: (w) => ({ addressId: String(w.ownerAddressId), name: 'Mallory', street: 'Elsewhere 9', postcode: '1011 AB', city: 'Amsterdam' }),
    others: 'refused',
  },
  'lib/identity/account-actions.ts#deleteAddressAction': { input: (w) => ({ addressId: String(w.ownerAddressId) }), others: 'refused' },
  'lib/identity/account-actions.ts#makeDefaultAddressAction': { input: (w) => ({ addressId: String(w.ownerAddressId) }), others: 'refused' },
  'lib/i18n/actions.ts#setLocaleAction': { input: () => ({ locale: 'nl' }), owners: [...PERSONAS], others: 'own' },
  'lib/insight/consent-actions.ts#setConsentAction': { input: () => ({ choice: 'essential' }), owners: [...PERSONAS], others: 'own' },
  'lib/locations/actions.ts#setShopperOriginAction': { input: () => ({ postcode: '3511 AZ' }), owners: [...PERSONAS], others: 'own' },

  // Conversations: a shopper writes in the thread of an order they may see (never one named by the form);
  // staff act on a thread of their store (the owner's, at store A) — a clerk of store B is refused.
  'lib/conversations/actions.ts#sendMessageAction': { input: (w) => ({ orderId: w.pickupOrderId, body: 'Is it ready yet?' }), others: 'refused' },
  'lib/conversations/actions.ts#markConversationReadAction': { input: (w) => ({ orderId: w.pickupOrderId }), others: 'refused' },
  'lib/conversations/actions.ts#replyToThreadAction': { input: (w) => ({ threadId: w.threadId, body: 'Tomorrow after 10.' }), owners: ['clerk', 'admin'], others: 'refused' },
  'lib/conversations/actions.ts#addThreadNoteAction': {
    input: (w) => ({ threadId: w.threadId, channel: 'phone_note', body: 'Called about the pickup.' }),
    owners: ['clerk', 'admin'],
    others: 'refused',
  },
  'lib/conversations/actions.ts#assignThreadAction': { input: (w) => ({ threadId: w.threadId, assignee: 'me' }), owners: ['clerk', 'admin'], others: 'refused' },
  'lib/conversations/actions.ts#setThreadStatusAction': { input: (w) => ({ threadId: w.threadId, status: 'closed' }), owners: ['clerk', 'admin'], others: 'refused' },
  'lib/conversations/actions.ts#markThreadReadAction': { input: (w) => ({ threadId: w.threadId }), owners: ['clerk', 'admin'], others: 'refused' },

  // Customers: clerks look up and attach to their own counter sale; only admins edit, merge and erase.
  // Any clerk may attach any profile to their OWN sale; the walk-in profile, so another clerk's cart with it is not the owner's.
  'lib/customers/counter-actions.ts#attachCustomerToSaleAction': { input: (w) => ({ customerId: String(w.walkInCustomerId) }), others: 'own' },
  'lib/customers/counter-actions.ts#detachCustomerFromSaleAction': { input: () => ({}), others: 'own' },
  'lib/customers/counter-actions.ts#createCounterCustomerAction': {
    input: (_w, persona) => ({ name: 'New at the counter', email: `counter-${persona.toLowerCase()}@example.com` }),
    others: 'own',
  },
  'lib/customers/actions.ts#updateCustomerAction': {
    input: (w) => ({ customerId: String(w.actors.customer!.customerId), name: 'Owner Renamed', email: 'owner@example.com', phone: '06-12345678' }),
    others: 'refused',
  },
  'lib/customers/actions.ts#mergeCustomersAction': {
    input: (w) => ({ keepId: String(w.actors.customer!.customerId), mergeId: String(w.walkInCustomerId), confirm: 'on' }),
    others: 'refused',
  },
  'lib/customers/actions.ts#eraseCustomerAction': { input: (w) => ({ customerId: String(w.actors.customer!.customerId), confirm: 'on' }), others: 'refused' },

  // Loyalty: only admins adjust (the owner customer's points); "Get my loyalty card" is the caller's own profile.
  'lib/loyalty/actions.ts#adjustLoyaltyAction': {
    input: (w) => ({ customerId: String(w.actors.customer!.customerId), points: '50', reason: 'Goodwill', idempotencyKey: randomUUID() }),
    others: 'refused',
  },
  'lib/loyalty/actions.ts#issueMyLoyaltyCardAction': { input: () => ({}), others: 'own' },

  // Admin console.
  'lib/notifications/actions.ts#retryNotificationAction': { input: (w) => ({ id: w.deadNotificationId }), others: 'refused' },
  // Payments: only admins pay back money owed on an online payment (the owner's cancelled order).
  'lib/payments/admin-actions.ts#retryRefundAction': { input: (w) => ({ paymentId: w.refundOwedPaymentId }), others: 'refused' },
  'lib/promotions/actions.ts#createPromotionAction': { input: () => ({ ...promotionForm }), others: 'refused' },
  'lib/promotions/actions.ts#updatePromotionAction': { input: (w) => ({ ...promotionForm, id: String(w.promotion.id), code: PROMO_CODE }), others: 'refused' },
  'lib/promotions/actions.ts#endPromotionAction': { input: (w) => ({ id: String(w.promotion.id) }), others: 'refused' },
  'lib/promotions/actions.ts#generateCampaignCodesAction': { input: (w) => ({ promotionId: String(w.promotion.id), count: '3', prefix: 'sec' }), others: 'refused' },
  'lib/promotions/actions.ts#previewPromotionAction': {
    input: () => ({
      ...promotionForm,
      sample: { lines: [{ sku: 'SEC-1', quantity: 1 }], customer: 'guest', channel: 'web', fulfilment: 'pickup', withRunning: false },
    }),
    others: 'refused',
  },

  // Admin catalog: products, variants, categories, photos and scheduled prices (admin only).
  'lib/catalog/product-actions.ts#createProductAction': { input: (w) => ({ ...productForm(w), slug: 'new-runner' }), others: 'refused' },
  'lib/catalog/product-actions.ts#updateProductAction': { input: (w) => ({ ...productForm(w), id: String(w.shop.product.id) }), others: 'refused' },
  'lib/catalog/product-actions.ts#createVariantAction': { input: (w) => ({ ...variantForm, productId: String(w.shop.product.id) }), others: 'refused' },
  'lib/catalog/product-actions.ts#updateVariantAction': {
    input: (w) => ({ ...variantForm, id: variant(w), sku: w.shop.variant.sku, ean: validEan('871000000001'), price: '45,00' }),
    others: 'refused',
  },
  'lib/catalog/product-actions.ts#setVariantActiveAction': { input: (w) => ({ id: variant(w), active: 'false' }), others: 'refused' },
  'lib/catalog/category-actions.ts#createCategoryAction': { input: () => ({ nameNl: 'Tassen', nameEn: 'Bags', slug: 'bags' }), others: 'refused' },
  'lib/catalog/category-actions.ts#updateCategoryAction': {
    input: (w) => ({ id: String(w.shop.category.id), nameNl: 'Schoenen', nameEn: 'Shoes', slug: 'shoes' }),
    others: 'refused',
  },
  'lib/catalog/category-actions.ts#moveCategoryAction': { input: (w) => ({ id: String(w.shop.category.id), direction: 'down' }), others: 'refused' },
  'lib/catalog/image-actions.ts#uploadProductImageAction': {
    input: (w) => ({ productId: String(w.shop.product.id), file: pngFile(), altNl: 'Voorkant', altEn: 'Front', color: '' }),
    others: 'refused',
  },
  'lib/catalog/image-actions.ts#deleteProductImageAction': { input: (w) => ({ id: String(w.catalog.productImageId) }), others: 'refused' },
  'lib/catalog/price-change-actions.ts#schedulePriceChangeAction': { input: (w) => ({ variantId: variant(w), startsAt: '2098-06-01T09:00', price: '39,95' }), others: 'refused' },
  'lib/catalog/price-change-actions.ts#cancelPriceChangeAction': { input: (w) => ({ id: String(w.catalog.priceChangeId) }), others: 'refused' },

  // Admin orders (lib/order-admin): the steps on the owner's orders; every clerk is refused by role.
  'lib/order-admin/actions.ts#shipOrderAction': { input: (w) => ({ orderId: w.paidDeliveryOrderId, carrier: 'PostNL', trackingNumber: '3SABC1234567' }), others: 'refused' },
  'lib/order-admin/actions.ts#markDeliveredAction': { input: (w) => ({ orderId: w.shippedDeliveryOrderId }), others: 'refused' },
  'lib/order-admin/actions.ts#cancelOrderAction': { input: (w) => ({ orderId: w.pickupOrderId, reason: 'Customer asked' }), others: 'refused' },
  'lib/order-admin/actions.ts#resendOrderMessageAction': { input: (w) => ({ orderId: w.pickupOrderId, kind: 'order_confirmation:email' }), others: 'refused' },
  // Staff (admins only): the input names store A's clerk; the rules (not yourself, last admin) are in lib/staff.
  'lib/staff/actions.ts#createStaffAction': { input: (w) => ({ name: 'New clerk', email: 'new-clerk@example.com', role: 'clerk', storeId: String(w.shop.storeA.id) }), others: 'refused' },
  'lib/staff/actions.ts#updateStaffAction': { input: (w) => ({ userId: String(w.actors.clerk!.userId), role: 'clerk', storeId: String(w.shop.storeB.id) }), others: 'refused' },
  'lib/staff/actions.ts#resetStaffPasswordAction': { input: (w) => ({ userId: String(w.actors.clerk!.userId) }), others: 'refused' },
  'lib/staff/actions.ts#deactivateStaffAction': { input: (w) => ({ userId: String(w.actors.clerk!.userId) }), others: 'refused' },
  'lib/staff/actions.ts#reactivateStaffAction': { input: (w) => ({ userId: String(w.actors.clerk!.userId) }), others: 'refused' },
  // Catalog CSV (admins only): a file that changes the price of the world's variant.
  'lib/catalog/csv/actions.ts#previewCatalogImportAction': { input: (w) => ({ csv: catalogCsv(w) }), others: 'refused' },
  'lib/catalog/csv/actions.ts#applyCatalogImportAction': { input: (w) => ({ csv: catalogCsv(w) }), others: 'refused' },
  // Returns, shop (public): "Return items" on the owner's collected order, one of its units; whoever may not
  // see the order (another customer, no cookie, staff) is refused (abuse test: lib/returns/web-actions.test.ts).
  'lib/returns/web-actions.ts#requestReturnAction': {
    input: (w) => ({ orderId: w.webReturns.orderId, idempotencyKey: randomUUID(), method: 'post', orderLineId: [String(w.webReturns.orderLineId)], quantity: ['1'], reason: ['too_small'] }),
    others: 'refused',
  },
  // Returns, admin (admins only; every clerk is refused by role): receive the posted one, refund the received one, start one.
  'lib/returns/admin-actions.ts#receiveReturnAction': {
    input: (w) => ({ returnId: w.webReturns.postedReturnId, locationId: String(w.shop.warehouse.id), returnLineId: [String(w.webReturns.postedReturnLineId)], condition: ['resellable'] }),
    others: 'refused',
  },
  'lib/returns/admin-actions.ts#refundReturnAction': { input: (w) => ({ returnId: w.webReturns.receivedReturnId, idempotencyKey: randomUUID(), to: 'store_credit' }), others: 'refused' },
  'lib/returns/admin-actions.ts#cancelReturnAction': { input: (w) => ({ returnId: w.webReturns.postedReturnId }), others: 'refused' },
  'lib/returns/admin-actions.ts#startAdminReturnAction': {
    input: (w) => ({ orderId: w.webReturns.orderId, idempotencyKey: randomUUID(), method: 'store', orderLineId: [String(w.webReturns.orderLineId)], quantity: ['1'], reason: ['changed_mind'], overrideReason: '' }),
    others: 'refused',
  },
  // Reviews: a customer writes their own review of a product they bought (the owner bought the shop's
  // product; another customer, who did not, is refused — the customer is never a form field); the
  // admin rejects the owner's review (every clerk is refused by role).
  // Experiments (S11): admin only.
  'lib/insight/experiment-actions.ts#createExperimentAction': {
    input: (w) => ({ name: 'Spare vs control', hypothesis: '', variantPromotion: [String(w.experiments.sparePromotionId), 'control', ''], variantWeight: ['50', '50', ''] }),
    others: 'refused',
  },
  'lib/insight/experiment-actions.ts#startExperimentAction': { input: (w) => ({ experimentId: String(w.experiments.experimentId) }), others: 'refused' },
  'lib/insight/experiment-actions.ts#stopExperimentAction': { input: (w) => ({ experimentId: String(w.experiments.experimentId), winnerVariantId: '' }), others: 'refused' },
  // Satisfaction (S12): the survey link is the credential; following up a low score is the admin's.
  'lib/insight/satisfaction-actions.ts#submitSatisfactionAction': {
    input: (w, persona) => ({ token: w.satisfaction.surveyTokens[persona], score: '4', comment: 'Friendly help.' }),
    owners: ['anonymous'],
    others: 'bearer',
    why: 'the survey link (mail, receipt QR, order page) is signed for one order: whoever holds it may answer for that order, once',
  },
  'lib/insight/satisfaction-actions.ts#markSatisfactionFollowedUpAction': { input: (w) => ({ responseId: String(w.satisfaction.lowScoreResponseId) }), others: 'refused' },
  'lib/reviews/actions.ts#writeReviewAction': {
    input: (w) => ({ productId: String(w.shop.product.id), rating: '5', title: 'Great shoe', body: 'Light and comfortable.' }),
    others: 'own',
  },
  'lib/reviews/actions.ts#moderateReviewAction': { input: (w) => ({ reviewId: String(w.reviews.ownerReviewId), decision: 'reject', reason: 'Off topic' }), others: 'refused' },
};

