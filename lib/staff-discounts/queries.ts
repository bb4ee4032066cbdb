import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cartLines, carts } from '@/db/schema';
import type { StaffDiscountInput, StaffDiscounts } from '@/lib/pricing';

// Reads for the counter cart's staff discounts, in the shape priceCart takes as input.

/** The staff discounts on a cart (the whole cart, and per line by variant), for priceCart's ctx: ONE query. */
export async function loadStaffDiscounts(db: DbOrTx, cartId: string): Promise<StaffDiscounts> {
  const rows = await db
    .select({ cartDiscount: carts.staffDiscount, variantId: cartLines.variantId, lineDiscount: cartLines.staffDiscount })
    .from(carts)
    .leftJoin(cartLines, eq(cartLines.cartId, carts.id))
    .where(eq(carts.id, cartId));
  const cart = rows[0] ? { staffDiscount: rows[0].cartDiscount } : undefined;
  const lines = rows.flatMap((r) => (r.variantId === null ? [] : [{ variantId: r.variantId, staffDiscount: r.lineDiscount }]));
  const toInput = (d: { kind: StaffDiscountInput['kind']; value: number; reason: string }): StaffDiscountInput => ({
    kind: d.kind,
    value: d.value,
    reason: d.reason,
  });
  const perLine: Record<number, StaffDiscountInput> = {};
  for (const l of lines) if (l.staffDiscount) perLine[l.variantId] = toInput(l.staffDiscount);
  return { cart: cart?.staffDiscount ? toInput(cart.staffDiscount) : null, lines: perLine };
}

/** Whether the cart carries any staff discount (the counter shows "Remove" for each). */
export function hasStaffDiscounts(d: StaffDiscounts): boolean {
  return !!d.cart || Object.keys(d.lines ?? {}).length > 0;
}
