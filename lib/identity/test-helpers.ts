// Test-only helpers for the identity tests (imported by *.test.ts only; never by app code).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, emailVerificationTokens, orders, users } from '@/db/schema';

export const signUpInput = (email: string, name = 'Newcomer') => ({ name, email, password: 'a-long-password', confirmPassword: 'a-long-password' });

/** A completed counter sale of € 50 for `customerId`. */
export async function addOrder(db: DbOrTx, input: { customerId: number; locationId: number; number: string }) {
  const [row] = await db
    .insert(orders)
    .values({
      number: input.number,
      channel: 'store',
      fulfilment: 'in_store',
      status: 'completed',
      stockLocationId: input.locationId,
      customerId: input.customerId,
      subtotalCents: 5000,
      discountCents: 0,
      shippingCents: 0,
      totalCents: 5000,
      vatCents: 868,
      vatBreakdown: [],
      idempotencyKey: randomUUID(),
    })
    .returning({ id: orders.id });
  return row;
}

/** A profile made at the counter: phone, loyalty card and two orders, but no account. */
export async function counterProfile(db: DbOrTx, input: { email: string; locationId: number }) {
  const [profile] = await db
    .insert(customers)
    .values({ email: input.email, name: 'Maria de Vries', phone: '+31612345678', loyaltyCardNumber: 'LC-0001' })
    .returning();
  await addOrder(db, { customerId: profile.id, locationId: input.locationId, number: 'S-1' });
  await addOrder(db, { customerId: profile.id, locationId: input.locationId, number: 'S-2' });
  return profile;
}

export const tokenRows = (db: DbOrTx, userId: number) => db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.userId, userId));
export const userRow = async (db: DbOrTx, userId: number) => (await db.select().from(users).where(eq(users.id, userId)))[0];
