import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cartHandoffs, carts } from '@/db/schema';
import { hashHandoffCode, normalizeHandoffInput } from './code';

/**
 * For a counter lookup by "the QR of their cart" (S3): the customer profile behind a valid, unused code
 * (typed, or the QR's text), without spending it; null for anything else (an anonymous cart included).
 * The caller is counter staff, rate-limits it like loading, and logs the lookup.
 */
export async function findHandoffCustomer(db: DbOrTx, input: string, now = new Date()): Promise<number | null> {
  const code = normalizeHandoffInput(input);
  if (!code) return null;
  const [row] = await db
    .select({ customerId: carts.customerId })
    .from(cartHandoffs)
    .innerJoin(carts, eq(carts.id, cartHandoffs.webCartId))
    .where(and(eq(cartHandoffs.codeHash, hashHandoffCode(code)), isNull(cartHandoffs.usedAt), gt(cartHandoffs.expiresAt, now), eq(carts.status, 'open')));
  return row?.customerId ?? null;
}
