/**
 * Every PUBLIC server action (no role stops anyone) says what stops abuse of it: a test that calls it
 * with someone else's cart, order, payment or account (`abuseTest`, and the name that test exercises),
 * or why it is harmless. coverage.security.test.ts fails for a public action missing here, for an entry
 * whose test file does not name what it claims, and for an entry of an action that is gone.
 */
export type PublicActionGuard = { abuseTest: string; exercises: string } | { harmless: string };

const OWNERSHIP = 'lib/security/ownership.security.test.ts';
const own = (exercises: string): PublicActionGuard => ({ abuseTest: OWNERSHIP, exercises });

export const PUBLIC_ACTIONS: Record<string, PublicActionGuard> = {
  'lib/carts/actions.ts#addToCartAction': own('addToCartAction'),
  'lib/carts/actions.ts#setLineQuantityAction': own('setLineQuantityAction'),
  'lib/carts/actions.ts#removeLineAction': own('removeLineAction'),
  'lib/carts/actions.ts#applyPromotionCodeAction': own('applyPromotionCodeAction'),
  'lib/carts/actions.ts#removePromotionCodeAction': own('removePromotionCodeAction'),
  'lib/orders/checkout-actions.ts#placeWebOrderAction': own('placeWebOrderAction'),
  // Getting a code (and so the cart at a counter) for someone else's cart; each call writes a row (rate-limited).
  'lib/cart-handoff/actions.ts#startCartHandoffAction': { abuseTest: 'lib/cart-handoff/actions.test.ts', exercises: 'startCartHandoffAction' },
  'lib/payments/actions.ts#retryPaymentAction': own('retryPaymentAction'),
  'lib/payments/actions.ts#decideTestPaymentAction': own('decideTestPaymentAction'),
  // Credential stuffing and password spraying: Auth.js's authorize goes through verifyCredentials.
  'lib/identity/actions.ts#signInAction': { abuseTest: 'lib/identity/sign-in-throttle.test.ts', exercises: 'verifyCredentials' },
  // Taking over an email or a guest's order history by signing up with it. Creating accounts in bulk
  // (each one a bcrypt hash and a mail) is limited per address and per email: lib/rate-limit/public-limits.test.ts.
  'lib/identity/actions.ts#signUpAction': { abuseTest: 'lib/identity/sign-up.test.ts', exercises: 'registerCustomer' },
  'lib/identity/actions.ts#signOutAction': { abuseTest: 'lib/identity/actions.test.ts', exercises: 'signOutAction' },
  // Finding out who has an account, flooding an inbox, or taking an account over with a reset link.
  'lib/identity/actions.ts#requestPasswordResetAction': { abuseTest: 'lib/identity/password-reset.test.ts', exercises: 'requestPasswordReset' },
  'lib/identity/actions.ts#resetPasswordAction': { abuseTest: 'lib/identity/password-reset.test.ts', exercises: 'resetPassword' },
  // Writing in or reading someone else's conversation (another customer's order, a guest order without its cookie).
  'lib/conversations/actions.ts#sendMessageAction': { abuseTest: 'lib/conversations/access.test.ts', exercises: 'postCustomerMessage' },
  'lib/conversations/actions.ts#markConversationReadAction': { abuseTest: 'lib/conversations/messages.test.ts', exercises: 'markReadByCustomer' },
  // Returning from someone else's order (another customer's, a guest order without its cookie).
  'lib/returns/web-actions.ts#requestReturnAction': { abuseTest: 'lib/returns/web-actions.test.ts', exercises: 'requestReturnAction' },
  // Answering for someone else's order (a forged or tampered survey token), or answering twice.
  'lib/insight/satisfaction-actions.ts#submitSatisfactionAction': { abuseTest: 'lib/insight/satisfaction.test.ts', exercises: 'submitSatisfactionAction' },
  'lib/insight/consent-actions.ts#setConsentAction': {
    harmless: 'sets only the caller’s own consent and analytics cookies (a fresh random visitor id, never one from the form); at most one visit row per call, bounded per address',
  },
  'lib/i18n/actions.ts#setLocaleAction': { harmless: 'sets only the caller’s own language cookie, to one of the two known locales; reads and writes no data' },
  'lib/locations/actions.ts#setShopperOriginAction': { harmless: 'sets only the caller’s own store-finder cookie (a validated postcode or point in the Netherlands); reads and writes no data' },
};
