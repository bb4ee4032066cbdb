import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, orders, users } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { toE164 } from '@/lib/notifications/phone';

/**
 * The customer profile a guest checkout belongs to, by email (lower-cased; one profile per email): the
 * existing one (followed through a merge), or a new one carrying the checkout's name, phone (E.164) and
 * language. Runs in the checkout's transaction.
 *
 * What this does NOT do, on purpose:
 * - it never changes an existing profile's contact data or preferences: typing someone's email at a
 *   checkout must not redirect their messages to the typist's phone;
 * - it never links by phone alone: numbers are reused, shared and mistyped, and the order would land in
 *   a stranger's history;
 * - it hands the guest nothing: the guest sees only the order their browser placed (the signed guest
 *   cookie), and the profile's history becomes an account's only after the email is proven (a
 *   claim_profile link, see verifyEmailToken).
 */
export async function linkGuestProfile(
  tx: DbOrTx,
  input: { email: string; phone?: string | null; name?: string | null; locale?: Locale },
): Promise<number> {
  const email = input.email.trim().toLowerCase();
  const existing = await profileByEmail(tx, email);
  if (existing !== null) return existing;
  const phone = input.phone ? toE164(input.phone) : null;
  const [created] = await tx
    .insert(customers)
    .values({
      email,
      phone,
      name: input.name?.trim() || email.split('@')[0],
      locale: input.locale ?? null,
      notifyByEmail: true,
      // A guest who gives a number expects the pickup SMS, as guests always got it.
      notifyBySms: phone !== null,
    })
    .onConflictDoNothing({ target: customers.email })
    .returning({ id: customers.id });
  if (created) return created.id;
  // A parallel checkout with the same email created it a moment ago.
  const raced = await profileByEmail(tx, email);
  if (raced === null) throw new Error('guest profile vanished after a unique conflict');
  return raced;
}

async function profileByEmail(tx: DbOrTx, email: string): Promise<number | null> {
  const [row] = await tx
    .select({ id: customers.id, mergedInto: customers.mergedIntoCustomerId })
    .from(customers)
    .where(eq(customers.email, email));
  if (!row) return null;
  // A duplicate that was merged away keeps no history: the order goes to the profile that has it.
  let id = row.id;
  let next = row.mergedInto;
  for (let hops = 0; next !== null && hops < 5; hops++) {
    id = next;
    const [up] = await tx.select({ mergedInto: customers.mergedIntoCustomerId }).from(customers).where(eq(customers.id, id));
    next = up?.mergedInto ?? null;
  }
  return id;
}

/**
 * Whether the web order was placed without a customer account (signed out, or by staff shopping like a
 * guest): a guest order. Its profile may be someone's account, but only the placing browser's cookie
 * (and the signed link in its messages) and that account open it; the cookie never opens an order a
 * customer account placed.
 */
export async function isGuestPlacedOrder(db: DbOrTx, orderId: string): Promise<boolean> {
  const [row] = await db
    .select({ channel: orders.channel, placedBy: orders.placedByUserId, role: users.role })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.placedByUserId))
    .where(eq(orders.id, orderId));
  return !!row && row.channel === 'web' && (row.placedBy === null || row.role !== 'customer');
}
