import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { intArray, listOftenBoughtTogether, orderableProduct } from './co-purchases';

/**
 * Recommendations (S14), all in SQL over the order lines of every channel. Two sources:
 * - often bought together (co-purchases.ts): what other buyers bought with a product;
 * - personal: from the customer's own history — products in the categories they bought from, those
 *   with a size they bought in stock first, then the categories they bought most, then by id.
 * Never a product the customer already owns (bought, not cancelled, not returned in full), never one
 * that is inactive or out of stock everywhere.
 */

const KEPT_BY = (customerId: number) => sql`
  select distinct v.product_id, p.category_id, v.size
  from order_lines l
  join orders o on o.id = l.order_id
  join variants v on v.id = l.variant_id
  join products p on p.id = v.product_id
  where o.customer_id = ${customerId} and o.status <> 'cancelled' and l.returned_quantity < l.quantity`;

/** The products the customer owns, across channels. */
export async function listOwnedProductIds(db: DbOrTx, customerId: number): Promise<number[]> {
  const rows = rowsOf<{ product_id: number }>(
    await db.execute(sql`select distinct product_id from (${KEPT_BY(customerId)}) k order by product_id`),
  );
  return rows.map((r) => Number(r.product_id));
}

/** Personal recommendations from the customer's categories and sizes (see above), best first. */
export async function listPersonalRecommendations(
  db: DbOrTx,
  customerId: number,
  options: { exclude?: readonly number[]; limit: number },
): Promise<number[]> {
  if (options.limit <= 0) return [];
  const rows = rowsOf<{ product_id: number }>(
    await db.execute(sql`
      with mine as (${KEPT_BY(customerId)}),
      cats as (select category_id, count(distinct product_id)::int as bought from mine group by category_id),
      sizes as (select distinct size from mine where size is not null)
      select p.id as product_id
      from products p join cats c on c.category_id = p.category_id
      where p.id not in (select product_id from mine)
        and not (p.id = any(${intArray(options.exclude ?? [])}))
        and ${orderableProduct(sql`p.id`)}
      order by exists (
          select 1 from variants v join stock_levels s on s.variant_id = v.id
          where v.product_id = p.id and v.active and s.on_hand - s.reserved > 0 and v.size in (select size from sizes)
        ) desc, c.bought desc, p.id asc
      limit ${options.limit}`),
  );
  return rows.map((r) => Number(r.product_id));
}

/** "Often bought together" on a product page; without what the (signed-in) customer owns. */
export async function suggestForProduct(
  db: DbOrTx,
  productId: number,
  options: { customerId?: number | null; limit: number },
): Promise<number[]> {
  const owned = options.customerId ? await listOwnedProductIds(db, options.customerId) : [];
  return (await listOftenBoughtTogether(db, [productId], { exclude: owned, limit: options.limit })).map((r) => r.productId);
}

/**
 * "You may also like" in a cart: what is often bought with the cart's products, then (for a known
 * customer) their personal ones; never what is in the cart or what they own.
 */
export async function suggestForCart(
  db: DbOrTx,
  input: { productIds: readonly number[]; customerId?: number | null; limit: number },
): Promise<number[]> {
  const owned = input.customerId ? await listOwnedProductIds(db, input.customerId) : [];
  const together = (await listOftenBoughtTogether(db, input.productIds, { exclude: owned, limit: input.limit })).map((r) => r.productId);
  if (!input.customerId || together.length >= input.limit) return together;
  const personal = await listPersonalRecommendations(db, input.customerId, {
    exclude: [...input.productIds, ...together],
    limit: input.limit - together.length,
  });
  return [...together, ...personal];
}

/**
 * "Suggestions for <name>" at the counter: the customer's personal recommendations, then what others
 * bought with the products they own; never what they own or what is already in the sale.
 */
export async function suggestForCustomer(
  db: DbOrTx,
  customerId: number,
  options: { exclude?: readonly number[]; limit: number },
): Promise<number[]> {
  const exclude = options.exclude ?? [];
  const personal = await listPersonalRecommendations(db, customerId, { exclude, limit: options.limit });
  if (personal.length >= options.limit) return personal;
  const owned = await listOwnedProductIds(db, customerId);
  if (owned.length === 0) return personal;
  const together = await listOftenBoughtTogether(db, owned, { exclude: [...exclude, ...personal], limit: options.limit - personal.length });
  return [...personal, ...together.map((r) => r.productId)];
}
