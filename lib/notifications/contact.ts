import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, notifications, users } from '@/db/schema';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';
import { isGuestPlacedOrder } from '@/lib/identity/guest-profile';
import { toE164 } from '@/lib/notifications/phone';

/** Whom a message goes to (a customer, or the guest of an order), and how they want messages. */
export interface OrderContact {
  kind: 'customer' | 'guest';
  customerId: number | null;
  name: string | null;
  locale: Locale;
  email: string | null;
  /** E.164, or null when there is no number or it is not a valid one. */
  sms: string | null;
  wantsEmail: boolean;
  wantsSms: boolean;
}

interface OrderRef {
  id: string;
  customerId: number | null;
  email: string | null;
  phone: string | null;
  customerName: string | null;
}

/** The language the order's first message was written in (a guest's checkout language), or null. */
async function firstMessageLocale(db: DbOrTx, orderId: string): Promise<Locale | null> {
  const [row] = await db
    .select({ locale: notifications.locale })
    .from(notifications)
    .where(eq(notifications.orderId, orderId))
    .orderBy(asc(notifications.createdAt))
    .limit(1);
  return row && isLocale(row.locale) ? row.locale : null;
}

/** A customer profile's addresses, preferences and language (profile, then account); null if gone. */
export async function customerContact(db: DbOrTx, customerId: number): Promise<(Omit<OrderContact, 'locale'> & { locale: Locale | null }) | null> {
  const [row] = await db
    .select({
      name: customers.name,
      email: customers.email,
      phone: customers.phone,
      notifyByEmail: customers.notifyByEmail,
      notifyBySms: customers.notifyBySms,
      locale: customers.locale,
      accountLocale: users.locale,
    })
    .from(customers)
    .leftJoin(users, eq(users.customerId, customers.id))
    .where(eq(customers.id, customerId));
  if (!row) return null;
  return {
    kind: 'customer',
    customerId,
    name: row.name,
    locale: [row.locale, row.accountLocale].find(isLocale) ?? null,
    email: row.email,
    sms: row.phone ? toE164(row.phone) : null,
    wantsEmail: row.notifyByEmail,
    wantsSms: row.notifyBySms,
  };
}

/**
 * The order's contact. A customer profile: its email/phone (the order's as fallback), its
 * preferences and language (profile, then account, then the checkout's). A guest (no profile): the
 * order's email and phone — the number only if it normalises to E.164 — and the checkout's language,
 * which the order keeps through its first message (orders have no language column). Null for a
 * counter sale to nobody in particular.
 */
export async function orderContact(db: DbOrTx, order: OrderRef, checkoutLocale?: Locale): Promise<OrderContact | null> {
  const fallbackLocale = async () => checkoutLocale ?? (await firstMessageLocale(db, order.id)) ?? DEFAULT_LOCALE;
  const phone = (raw: string | null | undefined) => (raw ? toE164(raw) : null);
  const customer = order.customerId !== null ? await customerContact(db, order.customerId) : null;
  if (customer) {
    return {
      ...customer,
      // A guest's order linked to a profile by its email is still a guest's: its messages carry the
      // signed link to the order (there may be no account to sign in to).
      kind: (await isGuestPlacedOrder(db, order.id)) ? 'guest' : 'customer',
      locale: customer.locale ?? (await fallbackLocale()),
      email: customer.email ?? order.email,
      sms: customer.sms ?? phone(order.phone),
    };
  }
  if (!order.email && !order.phone) return null;
  return {
    kind: 'guest',
    customerId: null,
    name: order.customerName,
    locale: await fallbackLocale(),
    email: order.email,
    sms: phone(order.phone),
    wantsEmail: true,
    wantsSms: true,
  };
}

/** What a kind of message may use: an SMS form; `required` when law or the order needs it (an invoice). */
export interface ChannelRule {
  sms: boolean;
  required: boolean;
}

/**
 * Where one message goes (order messages, conversation answers…). Preferences are honoured: email if wanted, SMS if wanted and the message
 * has an SMS form and the number is valid. A required message (it carries the invoice) always goes by
 * email when there is an address. Someone who wants this message by SMS but has no valid number gets
 * it by email instead, so their wish to be told is not silently dropped.
 */
export function channelsFor(contact: OrderContact, rule: ChannelRule): { email: string | null; sms: string | null } {
  const smsWanted = rule.sms && contact.wantsSms;
  const sms = smsWanted && contact.sms ? contact.sms : null;
  const email = contact.email && (rule.required || contact.wantsEmail || (smsWanted && !sms)) ? contact.email : null;
  return { email, sms };
}
