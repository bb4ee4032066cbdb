import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, locations } from '@/db/schema';

export interface CustomerProfileDto {
  name: string;
  email: string | null;
  phone: string | null;
  loyaltyCardNumber: string | null;
  preferredStore: string | null;
}

/** A customer's own profile for their account page (the caller passes the signed-in customer's id). */
export async function getCustomerProfile(db: DbOrTx, customerId: number): Promise<CustomerProfileDto | null> {
  const [row] = await db
    .select({
      name: customers.name,
      email: customers.email,
      phone: customers.phone,
      loyaltyCardNumber: customers.loyaltyCardNumber,
      preferredStore: locations.name,
    })
    .from(customers)
    .leftJoin(locations, eq(locations.id, customers.preferredLocationId))
    .where(eq(customers.id, customerId));
  return row ?? null;
}
