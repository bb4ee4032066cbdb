// The messages each surface's client components need, and only those: the provider serialises what it
// is given into every page's HTML, and all of them (150 KB) made a product page 190 KB and cost most of
// its render. client-messages.test.ts reads every client component's useTranslations() and fails when
// a surface that renders it lacks the namespace.

/** Route groups under app/ (and the root files: 'base'), each with one client provider. */
export type Surface = 'base' | 'shop' | 'auth' | 'payment' | 'display' | 'counter' | 'admin';

const BASE = ['common'] as const;

export const CLIENT_NAMESPACES: Record<Surface, readonly string[]> = {
  base: BASE,
  shop: [
    ...BASE,
    'shop.account.verify',
    'shop.accountEdit',
    'shop.cart',
    'shop.cartMerge',
    'shop.checkout',
    'shop.colors',
    'shop.consent',
    'shop.handoff',
    'shop.loyalty',
    'shop.nav',
    'shop.pay',
    'shop.paymentMethod',
    'shop.product',
    'shop.returns',
    'shop.savings',
    'shop.stores',
    'reviews.form',
    'satisfaction',
  ],
  auth: [...BASE, 'auth.forgotPassword', 'auth.resetPassword', 'auth.signIn', 'auth.signUp'],
  payment: [...BASE, 'shop.pay'],
  display: BASE,
  counter: [...BASE, 'counter', 'customers.counter', 'conversations.staff', 'shop.colors', 'shop.savings', 'admin.transfers.receive'],
  admin: [
    ...BASE,
    'admin',
    'conversations.staff',
    'customers.edit',
    'customers.gdpr',
    'customers.merge',
    'experiments.detail',
    'experiments.form',
    'reviews.admin',
    'satisfaction.admin',
    'shop.returns',
    'shop.savings',
    'errors',
  ],
};

type Messages = Record<string, unknown>;

/** The parts of `messages` at the dotted `paths` (a path covers everything below it). */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let from: unknown = messages;
    for (const key of keys) from = (from as Messages | undefined)?.[key];
    if (from === undefined) continue;
    let into = picked;
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Messages;
    into[keys.at(-1)!] = from;
  }
  return picked;
}
