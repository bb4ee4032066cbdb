import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cartHandoffs, cartLines, carts, customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { getOrCreateCounterCart, MAX_LINE_QUANTITY } from '@/lib/carts/mutations';
import { getCartLines } from '@/lib/carts/queries';
import { loadPriceLines, type CatalogLocale } from '@/lib/catalog/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getAvailability } from '@/lib/inventory/queries';
import { recordCartHandedOver } from '@/lib/insight/events';
import { priceCart } from '@/lib/pricing';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { generateHandoffCode, hashHandoffCode, HANDOFF_TTL_MS } from './code';

export interface IssuedHandoff {
  /** The raw code: shown to the shopper once, never stored. */
  code: string;
  expiresAt: Date;
}

/**
 * "Continue in store": a fresh single-use code for an open web cart with lines. Any earlier code of that
 * cart stops working (a photo of an old QR must not load the cart later). The caller has proven the
 * cart is the shopper's (web-cart.ts). Errors: cartEmpty, invalidState (the cart is no longer open).
 */
export async function issueHandoff(db: DbOrTx, input: { webCartId: string }, now = new Date()): Promise<IssuedHandoff> {
  return db.transaction(async (tx) => {
    const [cart] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.id, input.webCartId), eq(carts.channel, 'web'), eq(carts.status, 'open')))
      .for('update');
    if (!cart) throw new DomainError('invalidState');
    if ((await getCartLines(tx, cart.id)).length === 0) throw new DomainError('cartEmpty');
    await tx
      .update(cartHandoffs)
      .set({ expiresAt: now, updatedAt: now })
      .where(and(eq(cartHandoffs.webCartId, cart.id), isNull(cartHandoffs.usedAt), gt(cartHandoffs.expiresAt, now)));
    const expiresAt = new Date(now.getTime() + HANDOFF_TTL_MS);
    // A collision with a stored code (any age) is astronomically rare; try again rather than fail.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = generateHandoffCode();
      const [row] = await tx
        .insert(cartHandoffs)
        .values({ webCartId: cart.id, codeHash: hashHandoffCode(code), expiresAt })
        .onConflictDoNothing({ target: cartHandoffs.codeHash })
        .returning({ id: cartHandoffs.id });
      if (row) return { code, expiresAt };
    }
    throw new Error('could not issue a unique cart handoff code');
  });
}

export interface LoadedHandoff {
  counterCartId: string;
  webCartId: string;
  /** Lines copied into the counter cart. */
  lineCount: number;
  customer: { id: number; name: string } | null;
  /** Lines whose product left the assortment: not copied. */
  dropped: { productName: string; variantLabel: string; quantity: number }[];
  /** Codes the counter channel does not accept (e.g. a web-only promotion): not copied. */
  droppedCodes: string[];
  /** Lines for which this store has less available than the cart holds (the clerk sees them at once). */
  shortages: { variantId: number; productName: string; variantLabel: string; wanted: number; available: number }[];
}

type HandoffRefusal = 'handoffUnknown' | 'handoffExpired' | 'handoffUsed';

/** Why a code did not work: the stored row (by hash) says whether it was ever issued, used or expired. */
async function refusalOf(tx: DbOrTx, codeHash: string, now: Date): Promise<HandoffRefusal> {
  const [row] = await tx
    .select({ usedAt: cartHandoffs.usedAt, expiresAt: cartHandoffs.expiresAt })
    .from(cartHandoffs)
    .where(eq(cartHandoffs.codeHash, codeHash));
  if (!row) return 'handoffUnknown';
  if (row.usedAt) return 'handoffUsed';
  return new Date(row.expiresAt).getTime() <= now.getTime() ? 'handoffExpired' : 'handoffUsed';
}

/**
 * "Load a cart" at the counter, in ONE transaction: the code is spent by a conditional update (unused and
 * unexpired), so of two counters loading it at once exactly one gets it; the web cart is marked
 * handed_over (it cannot be loaded or checked out again); its sellable lines are added to the clerk's
 * counter cart (quantities summed, capped), its codes that the counter channel accepts are added, and
 * its customer is attached. Prices are not copied: the counter prices its cart with priceCart as always.
 *
 * Errors (DomainError, field 'code'): handoffUnknown, handoffExpired, handoffUsed; handoffCartClosed
 * (the cart was checked out meanwhile); handoffCustomerConflict (the sale already has another customer).
 * A refusal changes nothing (the code stays usable when the fault was the counter's).
 */
export async function loadHandoff(
  db: DbOrTx,
  input: { code: string; locationId: number; locale?: CatalogLocale },
  actor: Actor,
  now = new Date(),
): Promise<LoadedHandoff> {
  const codeHash = hashHandoffCode(input.code);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .update(cartHandoffs)
      .set({ usedAt: now, usedByUserId: actor.userId, updatedAt: now })
      .where(and(eq(cartHandoffs.codeHash, codeHash), isNull(cartHandoffs.usedAt), gt(cartHandoffs.expiresAt, now)))
      .returning({ id: cartHandoffs.id, webCartId: cartHandoffs.webCartId });
    if (!taken) throw new DomainError(await refusalOf(tx, codeHash, now), {}, 'code');

    const [web] = await tx
      .update(carts)
      .set({ status: 'handed_over', updatedAt: now })
      .where(and(eq(carts.id, taken.webCartId), eq(carts.channel, 'web'), eq(carts.status, 'open')))
      .returning({ id: carts.id, customerId: carts.customerId, codes: carts.promotionCodes });
    if (!web) throw new DomainError('handoffCartClosed', {}, 'code');

    const { cartId: counterCartId } = await getOrCreateCounterCart(tx, { clerkUserId: actor.userId, locationId: input.locationId });
    const [counter] = await tx
      .select({ customerId: carts.customerId, codes: carts.promotionCodes })
      .from(carts)
      .where(eq(carts.id, counterCartId))
      .for('update');
    if (web.customerId !== null && counter.customerId !== null && counter.customerId !== web.customerId) {
      throw new DomainError('handoffCustomerConflict', {}, 'code');
    }

    const locale = input.locale ?? 'nl';
    const webLines = await loadPriceLines(tx, await getCartLines(tx, web.id), locale, now);
    const sellable = webLines.filter((l) => l.active);
    for (const line of sellable) {
      await tx
        .insert(cartLines)
        .values({ cartId: counterCartId, variantId: line.variantId, quantity: Math.min(line.quantity, MAX_LINE_QUANTITY) })
        .onConflictDoUpdate({
          target: [cartLines.cartId, cartLines.variantId],
          set: { quantity: sql`least(${cartLines.quantity} + excluded.quantity, ${MAX_LINE_QUANTITY})`, updatedAt: sql`now()` },
        });
    }

    // The codes that priceCart accepts for this counter sale; a web-only code stays behind (and is named).
    const counterLines = await loadPriceLines(tx, await getCartLines(tx, counterCartId), locale, now);
    const wanted = [...new Set([...counter.codes, ...web.codes])];
    const priced = priceCart(counterLines.filter((l) => l.active), await loadPromotionCandidates(tx, now, { codes: wanted }), {
      channel: 'store',
      now,
      codes: wanted,
      customerId: web.customerId ?? counter.customerId,
      locationId: input.locationId,
    });
    const codes = priced.codes.accepted;
    await tx
      .update(carts)
      .set({ promotionCodes: codes, customerId: web.customerId ?? counter.customerId, updatedAt: now })
      .where(eq(carts.id, counterCartId));
    await tx.update(cartHandoffs).set({ counterCartId }).where(eq(cartHandoffs.id, taken.id));
    // The touchpoint (S13); a known customer now also owns the web cart's anonymous journey.
    await recordCartHandedOver(tx, { webCartId: web.id, counterCartId, locationId: input.locationId, customerId: web.customerId ?? counter.customerId });

    const customer = web.customerId
      ? ((await tx.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.id, web.customerId)))[0] ?? null)
      : null;
    await recordAudit(tx, actor, {
      action: 'cart.handed_over',
      entityType: 'cart',
      entityId: web.id,
      summary: `Web cart loaded at the counter: ${sellable.length} line(s)${customer ? ', customer attached' : ''}`,
      after: { counterCartId, lines: sellable.length, customerAttached: !!customer },
    });

    const stock = await getAvailability(tx, counterLines.map((l) => l.variantId));
    const shortages = counterLines
      .filter((l) => l.active && sellable.some((s) => s.variantId === l.variantId))
      .map((l) => ({
        variantId: l.variantId,
        productName: l.productName,
        variantLabel: l.variantLabel,
        wanted: l.quantity,
        available: Math.max(0, stock[l.variantId]?.find((s) => s.locationId === input.locationId)?.available ?? 0),
      }))
      .filter((s) => s.available < s.wanted);

    return {
      counterCartId,
      webCartId: web.id,
      lineCount: sellable.length,
      customer,
      dropped: webLines.filter((l) => !l.active).map(({ productName, variantLabel, quantity }) => ({ productName, variantLabel, quantity })),
      droppedCodes: web.codes.filter((c) => !codes.includes(c)),
      shortages,
    };
  });
}
