import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cartLines, carts, type StaffDiscountJson } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCartAccess, getPricedCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getSetting } from '@/lib/settings/settings';
import { maxStaffDiscountPercent, withinStaffDiscountLimit } from './limits';

export interface GiveStaffDiscountInput {
  cartId: string;
  /** null = on the whole sale. */
  variantId: number | null;
  kind: StaffDiscountJson['kind'];
  /** Whole percent, or cents. */
  value: number;
  reason: string;
}

/** "10 %" / "€ 5,00" for the audit log (fixed notation, not the reader's language). */
function describe(kind: StaffDiscountJson['kind'], value: number): string {
  return kind === 'percentage' ? `${value} %` : `€ ${Math.trunc(value / 100)},${String(value % 100).padStart(2, '0')}`;
}

/** Locks the clerk's open counter cart for the transaction: a discount waits for (and then refuses after) a checkout. */
async function lockCounterCart(tx: DbOrTx, cartId: string, actor: Actor) {
  const [cart] = await tx
    .select({ id: carts.id, channel: carts.channel, status: carts.status, customerId: carts.customerId, clerkUserId: carts.clerkUserId })
    .from(carts)
    .where(eq(carts.id, cartId))
    .for('update');
  if (!cart || cart.channel !== 'store') throw new DomainError('notFound');
  assertCartAccess(cart, actor, null);
  if (cart.status !== 'open') throw new DomainError('invalidState');
  return cart;
}

/**
 * A clerk's (or admin's) manual discount on one line or on the whole counter sale, with a reason. It is
 * measured on what the line / the goods cost after the promotions (the cart priced without staff
 * discounts) and refused above the role's maximum (setting `staffDiscounts`): DomainError
 * 'staffDiscountAboveMax' on the value field. Replaces an earlier discount on the same line / cart.
 * priceCart prices it (ctx.staffDiscounts); the order records it; the audit log holds who, what and why.
 */
export async function giveStaffDiscount(
  db: DbOrTx,
  input: GiveStaffDiscountInput,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ baseCents: number }> {
  if (actor.role !== 'clerk' && actor.role !== 'admin') throw new DomainError('forbidden');
  const role = actor.role;
  return db.transaction(async (tx) => {
    await lockCounterCart(tx, input.cartId, actor);
    const view = await getPricedCart(tx, input.cartId, { now, channel: 'store', staffDiscounts: false });
    if (!view) throw new DomainError('notFound');
    const line = input.variantId === null ? null : view.lines.find((l) => l.variantId === input.variantId);
    if (input.variantId !== null && !line) throw new DomainError('notFound');
    const baseCents = line ? line.lineTotalCents : view.lines.reduce((sum, l) => sum + l.lineTotalCents, 0);
    if (input.kind === 'fixed_amount' && input.value > baseCents) {
      throw new DomainError('staffDiscountAboveTotal', {}, 'value');
    }
    const max = maxStaffDiscountPercent(await getSetting(tx, 'staffDiscounts'), role);
    if (!withinStaffDiscountLimit({ kind: input.kind, value: input.value, baseCents }, max)) {
      throw new DomainError('staffDiscountAboveMax', { max }, 'value');
    }

    const discount: StaffDiscountJson = { kind: input.kind, value: input.value, reason: input.reason, byUserId: actor.userId };
    if (line) {
      await tx
        .update(cartLines)
        .set({ staffDiscount: discount })
        .where(and(eq(cartLines.cartId, input.cartId), eq(cartLines.variantId, line.variantId)));
    } else {
      await tx.update(carts).set({ staffDiscount: discount }).where(eq(carts.id, input.cartId));
    }
    await recordAudit(tx, actor, {
      action: 'cart.staff_discount_given',
      entityType: 'cart',
      entityId: input.cartId,
      summary: `Staff discount ${describe(input.kind, input.value)} on ${line ? line.sku : 'the whole sale'}: ${input.reason}`,
      after: { variantId: input.variantId, kind: input.kind, value: input.value, reason: input.reason, baseCents, maxPercent: max },
    });
    return { baseCents };
  });
}

/** Takes a staff discount off a line (variantId) or off the whole sale (null); audited. None there → no change. */
export async function removeStaffDiscount(
  db: DbOrTx,
  input: { cartId: string; variantId: number | null },
  actor: Actor,
): Promise<{ removed: boolean }> {
  if (actor.role !== 'clerk' && actor.role !== 'admin') throw new DomainError('forbidden');
  return db.transaction(async (tx) => {
    await lockCounterCart(tx, input.cartId, actor);
    const rows =
      input.variantId === null
        ? await tx.update(carts).set({ staffDiscount: null }).where(and(eq(carts.id, input.cartId), isNotNull(carts.staffDiscount))).returning({ before: carts.id })
        : await tx
            .update(cartLines)
            .set({ staffDiscount: null })
            .where(and(eq(cartLines.cartId, input.cartId), eq(cartLines.variantId, input.variantId), isNotNull(cartLines.staffDiscount)))
            .returning({ before: cartLines.id });
    if (rows.length === 0) return { removed: false };
    await recordAudit(tx, actor, {
      action: 'cart.staff_discount_removed',
      entityType: 'cart',
      entityId: input.cartId,
      summary: `Staff discount removed from ${input.variantId === null ? 'the whole sale' : `variant ${input.variantId}`}`,
      after: { variantId: input.variantId },
    });
    return { removed: true };
  });
}
