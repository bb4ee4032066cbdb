import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';

/**
 * "Often bought together" (S14), in SQL over the order lines of EVERY channel (web orders and counter
 * sales alike). A buyer is the customer when known, else the single anonymous order; what a buyer
 * bought is the products on their orders that were not cancelled, less lines returned in full (a
 * product sent back was not kept). Two products are bought together by the number of distinct buyers
 * who bought both. The job (co-purchases-job) precomputes every pair into product_co_purchases; a
 * product with no row there yet is computed live by the same SQL.
 */

/** `array[…]::int[]` of ids (an empty array when none), for `= any(…)`. */
export function intArray(ids: readonly number[]): SQL {
  if (ids.length === 0) return sql`'{}'::int[]`;
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::int[]`;
}

/** (buyer, product_id): each product each buyer kept, once. */
export const BOUGHT = sql`select distinct coalesce('c' || o.customer_id::text, 'o' || o.id::text) as buyer, v.product_id
  from order_lines l
  join orders o on o.id = l.order_id
  join variants v on v.id = l.variant_id
  where o.status <> 'cancelled' and l.returned_quantity < l.quantity`;

/** Active, with an active variant in stock at some location (warehouse or store). */
export function orderableProduct(productId: SQL): SQL {
  // Aliases of their own: the caller's `p` / `v` must not be shadowed.
  return sql`exists (select 1 from products op join variants ov on ov.product_id = op.id
    join stock_levels os on os.variant_id = ov.id
    where op.id = ${productId} and op.active and ov.active and os.on_hand - os.reserved > 0)`;
}

/**
 * Rebuilds product_co_purchases from all order lines: ONE statement pair (delete, insert) in one
 * transaction, so readers see the old or the new table, never half. Returns the number of pairs.
 * Rebuilds take turns (every app instance runs the job): two at once would both insert every pair.
 */
export async function recomputeCoPurchases(db: DbOrTx, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('product_co_purchases rebuild', 0))`);
    await tx.execute(sql`delete from product_co_purchases`);
    const rows = rowsOf<{ n: number }>(
      await tx.execute(sql`
        with bought as (${BOUGHT}),
        inserted as (
          insert into product_co_purchases (product_id, related_product_id, buyers, computed_at)
          select a.product_id, b.product_id, count(*)::int, ${now.toISOString()}::timestamptz
          from bought a join bought b on b.buyer = a.buyer and b.product_id <> a.product_id
          group by a.product_id, b.product_id
          returning 1
        )
        select count(*)::int as n from inserted`),
    );
    return Number(rows[0]?.n ?? 0);
  });
}

/** When the table was last rebuilt (null = never), and whether an order came in after that. */
export async function coPurchasesState(db: DbOrTx): Promise<{ computedAt: Date | null; newerOrders: boolean }> {
  const rows = rowsOf<{ computed_at: string | Date | null; newer: boolean }>(
    await db.execute(sql`
      select c.computed_at, exists (select 1 from orders o where c.computed_at is null or o.placed_at > c.computed_at) as newer
      from (select max(computed_at) as computed_at from product_co_purchases) c`),
  );
  const row = rows[0];
  return { computedAt: row?.computed_at ? new Date(row.computed_at) : null, newerOrders: !!row?.newer };
}

/**
 * Products often bought together with `productIds`, best first: the sum over those products of the
 * buyers who bought both (precomputed pairs; live SQL for a product without any), only orderable
 * products, never one of `productIds` or of `exclude` (what the customer already owns).
 */
export async function listOftenBoughtTogether(
  db: DbOrTx,
  productIds: readonly number[],
  options: { exclude?: readonly number[]; limit: number },
): Promise<{ productId: number; buyers: number }[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0 || options.limit <= 0) return [];
  const precomputed = rowsOf<{ product_id: number }>(
    await db.execute(sql`select distinct product_id from product_co_purchases where product_id = any(${intArray(ids)})`),
  ).map((r) => Number(r.product_id));
  const missing = ids.filter((id) => !precomputed.includes(id));
  const live = missing.length
    ? sql`union all
      select m.product_id, b.product_id as related_product_id, count(distinct b.buyer)::int as buyers
      from bought m join bought b on b.buyer = m.buyer and b.product_id <> m.product_id
      where m.product_id = any(${intArray(missing)})
      group by m.product_id, b.product_id`
    : sql``;
  const rows = rowsOf<{ product_id: number; buyers: number }>(
    await db.execute(sql`
      with bought as (${missing.length ? BOUGHT : sql`select null::text as buyer, null::int as product_id where false`}),
      pairs as (
        select product_id, related_product_id, buyers from product_co_purchases where product_id = any(${intArray(precomputed)})
        ${live}
      )
      select related_product_id as product_id, sum(buyers)::int as buyers
      from pairs
      where not (related_product_id = any(${intArray([...ids, ...(options.exclude ?? [])])}))
        and ${orderableProduct(sql`pairs.related_product_id`)}
      group by related_product_id
      order by buyers desc, related_product_id asc
      limit ${options.limit}`),
  );
  return rows.map((r) => ({ productId: Number(r.product_id), buyers: Number(r.buyers) }));
}
