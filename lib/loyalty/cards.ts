import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import { ean13CheckDigit, isValidEan13 } from '@/lib/catalog/ean';

// Prefix 29: GS1's "restricted circulation" range (20–29), numbers a shop gives out for its own use,
// so a card never reads as a product at a scanner that knows GTINs.
// https://www.gs1.org/standards/id-keys/company-prefix (restricted circulation numbers)
const CARD_PREFIX = '29';

/**
 * A new card number: EAN-13 (prefix 29, ten random digits, check digit), so any barcode scanner reads
 * it. Random, not derived from the customer id: a card number must not be guessable from another one,
 * since it finds a customer at the counter.
 */
export function newCardNumber(): string {
  let digits = CARD_PREFIX;
  for (let i = 0; i < 10; i++) digits += String(randomInt(10));
  return digits + String(ean13CheckDigit(digits));
}

/** Whether `value` can be a loyalty card: a valid EAN-13 in the restricted-circulation range (2…). */
export function isCardNumber(value: string): boolean {
  return isValidEan13(value) && value.startsWith('2');
}

/**
 * The customer's card number, given one on first need (sign-up, the first points, the account page).
 * Conditional on none being set, so two first needs at once end with one number; a collision with
 * another customer's number (unique index, ~1 in 10^10) draws again inside a savepoint.
 *
 * Lock order: setting the number updates a uniquely indexed column, which takes the customer row FOR
 * UPDATE — blocked by the key-share lock that any insert referencing the customer (an order, a ledger
 * entry) holds until its transaction ends. Call it BEFORE such inserts in a transaction, or two
 * transactions for one customer deadlock.
 */
export async function ensureLoyaltyCard(db: DbOrTx, customerId: number): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [current] = await db
      .select({ card: customers.loyaltyCardNumber })
      .from(customers)
      .where(eq(customers.id, customerId));
    if (!current) throw new Error(`customer not found: ${customerId}`);
    if (current.card) return current.card;
    const candidate = newCardNumber();
    try {
      const [set] = await db.transaction((tx) =>
        tx
          .update(customers)
          .set({ loyaltyCardNumber: candidate })
          .where(and(eq(customers.id, customerId), isNull(customers.loyaltyCardNumber)))
          .returning({ card: customers.loyaltyCardNumber }),
      );
      if (set?.card) return set.card;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error('could not assign a loyalty card number');
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}
