import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, locations, users } from '@/db/schema';

export interface AccountSettingsDto {
  name: string;
  /** The sign-in address (proven or not: see emailVerified). */
  email: string;
  emailVerified: boolean;
  phone: string | null;
  loyaltyCardNumber: string | null;
  notifyByEmail: boolean;
  notifyBySms: boolean;
  marketingOptIn: boolean;
  preferredLocationId: number | null;
  preferredStore: string | null;
  locale: 'nl' | 'en' | null;
}

/** The signed-in customer's own account and profile, for the account page's forms. */
export async function getAccountSettings(db: DbOrTx, input: { userId: number; customerId: number }): Promise<AccountSettingsDto | null> {
  const [row] = await db
    .select({
      name: customers.name,
      email: users.email,
      verifiedAt: users.emailVerifiedAt,
      phone: customers.phone,
      loyaltyCardNumber: customers.loyaltyCardNumber,
      notifyByEmail: customers.notifyByEmail,
      notifyBySms: customers.notifyBySms,
      marketingOptIn: customers.marketingOptIn,
      preferredLocationId: customers.preferredLocationId,
      preferredStore: locations.name,
      locale: customers.locale,
      accountLocale: users.locale,
    })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.customerId))
    .leftJoin(locations, eq(locations.id, customers.preferredLocationId))
    .where(and(eq(users.id, input.userId), eq(users.customerId, input.customerId)));
  if (!row) return null;
  const { verifiedAt, accountLocale, locale, ...rest } = row;
  const lang = locale ?? accountLocale;
  return { ...rest, emailVerified: !!verifiedAt, locale: lang === 'nl' || lang === 'en' ? lang : null };
}

/** The customer's preferred store id (default pickup store, first in availability lists), or null. */
export async function getPreferredStoreId(db: DbOrTx, customerId: number): Promise<number | null> {
  const [row] = await db.select({ id: customers.preferredLocationId }).from(customers).where(eq(customers.id, customerId));
  return row?.id ?? null;
}
