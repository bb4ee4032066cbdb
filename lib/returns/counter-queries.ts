import 'server-only';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, products, stockLevels, variants } from '@/db/schema';
import { effectivePriceCents } from '@/lib/catalog/effective-price';
import type { Locale } from '@/lib/i18n/config';

// What the counter's exchange step offers: the other sizes and colours of the returned products, and a
// variant of another product found by its SKU or EAN, each with what this store has available now.
// Display only: exchangeAtCounter prices and takes the stock itself.

export interface ExchangeOptionDto {
  variantId: number;
  productId: number;
  productName: string;
  sku: string;
  size: string | null;
  color: string | null;
  /** Catalogue price now (VAT incl.): what another product costs; the same product costs what was paid. */
  priceCents: number;
  /** At this store: on hand − reserved. */
  available: number;
}

function optionQuery(db: DbOrTx, storeId: number, locale: Locale, now: Date) {
  return db
    .select({
      variantId: variants.id,
      productId: variants.productId,
      productName: locale === 'nl' ? products.nameNl : products.nameEn,
      sku: variants.sku,
      size: variants.size,
      color: variants.color,
      priceCents: effectivePriceCents(now),
      available: sql<number>`coalesce(${stockLevels.onHand} - ${stockLevels.reserved}, 0)`.mapWith(Number),
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .leftJoin(stockLevels, and(eq(stockLevels.variantId, variants.id), eq(stockLevels.locationId, storeId)));
}

/** Every active variant of these products, with this store's available stock (0 included: shown, not offered). */
export async function listExchangeOptions(
  db: DbOrTx,
  input: { productIds: number[]; storeId: number; locale: Locale; now?: Date },
): Promise<ExchangeOptionDto[]> {
  const ids = [...new Set(input.productIds)].slice(0, 50);
  if (ids.length === 0) return [];
  return optionQuery(db, input.storeId, input.locale, input.now ?? new Date())
    .where(and(inArray(variants.productId, ids), eq(variants.active, true), eq(products.active, true)))
    .orderBy(asc(variants.productId), asc(variants.id));
}

/** A variant of any product by its exact SKU or EAN (what the scanner types), or null. */
export async function findExchangeVariant(
  db: DbOrTx,
  input: { code: string; storeId: number; locale: Locale; now?: Date },
): Promise<ExchangeOptionDto | null> {
  const code = input.code.trim().slice(0, 64);
  if (!code || !code.isWellFormed()) return null;
  const [row] = await optionQuery(db, input.storeId, input.locale, input.now ?? new Date())
    .where(and(or(eq(sql`upper(${variants.sku})`, code.toUpperCase()), eq(variants.ean, code)), eq(variants.active, true), eq(products.active, true)))
    .limit(1);
  return row ?? null;
}

/** What is still to pay on an exchange order waiting for the difference (0 once paid or when nothing was due). */
export async function exchangeAmountDue(db: DbOrTx, exchangeOrderId: string): Promise<number> {
  const [row] = await db
    .select({
      status: orders.status,
      totalCents: orders.totalCents,
      // "orders"."id" written out: drizzle renders a column unqualified in a single-table select, and a bare
      // "id" inside the sub-select would mean payments.id. Counted as recordPayment counts (paidCents).
      paidCents: sql<number>`coalesce((select sum(p.amount_cents) from payments p where p.order_id = "orders"."id" and p.status = 'succeeded' and not p.refund_due), 0)::int`.mapWith(Number),
    })
    .from(orders)
    .where(eq(orders.id, exchangeOrderId));
  if (!row || row.status !== 'pending_payment') return 0;
  return Math.max(0, row.totalCents - row.paidCents);
}
