import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { recordCustomerLookup } from './mutations';
import { assertStaff, getCustomerProfileForStaff, type CustomerProfileDto } from './queries';
import { getCustomerTimeline, type CustomerTimeline } from './timeline';

export type OpenedCustomer =
  | { kind: 'found'; profile: CustomerProfileDto; timeline: CustomerTimeline }
  /** A merged profile: the person lives on in `customerId`. */
  | { kind: 'merged'; customerId: number }
  | { kind: 'missing' };

/**
 * A clerk's customer panel or an admin's customer page: the profile and its one timeline, and one
 * audit row 'customer.looked_up' (who looked up whom, when) written with it. Erased profiles open
 * (admins see that they are erased) and are logged too.
 */
export async function openCustomer(
  db: DbOrTx,
  actor: Actor | null,
  customerId: number,
): Promise<OpenedCustomer> {
  assertStaff(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ mergedInto: customers.mergedIntoCustomerId })
      .from(customers)
      .where(eq(customers.id, customerId));
    if (!row) return { kind: 'missing' } as const;
    if (row.mergedInto !== null) return { kind: 'merged', customerId: row.mergedInto } as const;
    const profile = await getCustomerProfileForStaff(tx, actor, customerId);
    if (!profile) return { kind: 'missing' } as const;
    const timeline = await getCustomerTimeline(tx, actor, customerId);
    await recordCustomerLookup(tx, actor, customerId);
    return { kind: 'found', profile, timeline } as const;
  });
}
