import { and, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerSegments, loyaltyAccounts, orders, promotionCodes, promotionCustomerUsage, promotionRedemptions, promotions } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { normalizeCode, promotionCode, type CustomerFacts, type PricedCart, type PromotionCandidate } from '@/lib/pricing';
import { cachedRead } from '@/lib/cache/table-cache';
import { findCampaignCodes, giveBackCampaignCodeUse, takeCampaignCodeUse } from './campaign-codes';

/**
 * Turns promotion rows into priceCart candidates (one query, or none from the instance's cache) and
 * gathers the customer facts the conditions read. priceCart itself never reads the database.
 */

type Row = typeof promotions.$inferSelect & { usedByCustomer: number | null };

export function rowToCandidate(r: Row): PromotionCandidate {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    value: r.value,
    target: r.target,
    targetId: r.targetId,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    code: r.code,
    channels: r.channels,
    scope: r.scope,
    title: { en: r.titleEn || r.name, nl: r.titleNl || r.name },
    description: r.descriptionEn || r.descriptionNl ? { en: r.descriptionEn ?? r.descriptionNl ?? '', nl: r.descriptionNl ?? r.descriptionEn ?? '' } : null,
    additionalTargets: r.additionalTargets,
    exclusions: r.exclusions,
    skipReducedLines: r.skipReducedLines,
    maxUnitsPerLine: r.maxUnitsPerLine,
    application: r.application,
    buyQuantity: r.buyQuantity,
    getQuantity: r.getQuantity,
    getTargets: r.getTargets,
    maxApplications: r.maxApplications,
    minSubtotalCents: r.minSubtotalCents,
    minItems: r.minItems,
    customerCondition: r.customerCondition,
    customerSegment: r.customerSegment,
    weekdays: r.weekdays,
    dailyStartMinute: r.dailyStartMinute,
    dailyEndMinute: r.dailyEndMinute,
    priority: r.priority,
    combination: r.combination,
    usageLimit: r.usageLimit,
    perCustomerLimit: r.perCustomerLimit,
    budgetCents: r.budgetCents,
    usage: { usedCount: r.usedCount, discountGivenCents: r.discountGivenCents, usedByCustomer: r.usedByCustomer ?? 0 },
  };
}

/**
 * The promotions that may apply at `now` or later (not ended), with their usage so far (exact where a
 * limit or budget makes priceCart read it) and the given customer's uses of those with a per-customer
 * limit. ONE query, or none when this instance's cache holds them (runningPromotionRows), plus one for
 * the customer's uses when a promotion limits them. priceCart decides which apply to a cart.
 *
 * `codes` are the codes entered on the cart. For them the candidates also hold:
 * - a promotion that has ended, when its own code is entered, so priceCart refuses it as 'expired'
 *   (not 'unknown');
 * - per entered campaign code (promotion_codes), its promotion with that code as `code` and the code's
 *   uses left (`codeUsesLeft`): it prices exactly like the promotion. A text that is a promotion's own
 *   code is that promotion's, never a campaign code.
 * A promotion with campaign codes but no code of its own is not automatic: only its codes redeem it.
 */
export async function loadPromotionCandidates(
  db: DbOrTx,
  now: Date,
  options: { customerId?: number | null; codes?: readonly string[] } = {},
): Promise<PromotionCandidate[]> {
  const customerId = options.customerId ?? null;
  const codes = [...new Set((options.codes ?? []).map(normalizeCode).filter((c) => c !== ''))];
  const [rows, campaign] = await Promise.all([
    codes.length > 0 ? readPromotionRows(db, now, codes) : runningPromotionRows(db, now),
    findCampaignCodes(db, codes),
  ]);
  const usedByCustomer = await customerUses(db, customerId, rows);
  const out: PromotionCandidate[] = [];
  const byId = new Map<number, PromotionCandidate>();
  const ownCodes = new Set<string>();
  for (const r of rows) {
    const candidate = rowToCandidate({ ...r.promotion, usedByCustomer: usedByCustomer.get(r.promotion.id) ?? null });
    if (r.experimentVariant) {
      const [experimentId, variantId] = r.experimentVariant.split(':').map(Number);
      candidate.experiment = { experimentId, variantId };
    }
    const own = promotionCode(candidate);
    byId.set(candidate.id, candidate);
    if (own !== null) ownCodes.add(own);
    const ended = candidate.endsAt !== null && candidate.endsAt.getTime() <= now.getTime();
    if (ended && (own === null || !codes.includes(own))) continue; // loaded only for a campaign code
    if (own === null && r.hasCampaignCodes) continue; // code-only: its campaign codes redeem it
    out.push(candidate);
  }
  // In the order entered: of two codes of one promotion, priceCart lets the first apply.
  for (const k of campaign.sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code))) {
    const promotion = byId.get(k.promotionId);
    if (!promotion || ownCodes.has(k.code)) continue;
    out.push({ ...promotion, code: k.code, codeUsesLeft: k.usesLeft });
  }
  return out;
}

interface PromotionRow {
  promotion: typeof promotions.$inferSelect;
  hasCampaignCodes: boolean;
  experimentVariant: string | null;
}

/** What the cached promotion rows depend on: the triggers of migration 0011 announce their changes. */
const PROMOTION_TABLES = ['promotions', 'promotion_codes', 'experiments', 'experiment_variants'] as const;

/**
 * The promotions not ended at `now` (with their codes entered: also those whose own or campaign code it
 * is), ONE query. The usage counters are exact for the promotions with a limit or budget (only those
 * priceCart reads); for the others a cached copy may hold older counts.
 */
async function readPromotionRows(db: DbOrTx, now: Date, codes: readonly string[]): Promise<PromotionRow[]> {
  const entered = codes.length > 0;
  return db
    .select({
      promotion: promotions,
      hasCampaignCodes: sql<boolean>`exists (select 1 from promotion_codes pc where pc.promotion_id = "promotions"."id")`,
      // S11: a variant of a draft or running experiment is experiment-gated. priceCart applies it only to
      // the people assigned to it (ctx.experimentVariants holds running experiments only: a draft's never).
      experimentVariant: sql<string | null>`(select ev.experiment_id || ':' || ev.id from experiment_variants ev join experiments e on e.id = ev.experiment_id where ev.promotion_id = "promotions"."id" and e.status in ('draft', 'running') order by ev.id limit 1)`,
    })
    .from(promotions)
    .where(
      or(
        isNull(promotions.endsAt),
        gt(promotions.endsAt, now),
        entered ? inArray(promotions.code, codes) : undefined,
        entered ? inArray(promotions.id, db.select({ id: promotionCodes.promotionId }).from(promotionCodes).where(inArray(promotionCodes.code, codes))) : undefined,
      ),
    );
}

/**
 * The promotions not ended at `now`, through this instance's table cache (lib/cache): a change of a
 * promotion, its codes or an experiment drops it on every instance, and it holds only until the next
 * moment a promotion starts or ends, so a promotion starting at 09:00 applies at 09:00 everywhere.
 * Each caller gets its own copy.
 */
async function runningPromotionRows(db: DbOrTx, now: Date): Promise<PromotionRow[]> {
  const rows = await cachedRead(
    db,
    'promotion-rows',
    PROMOTION_TABLES,
    async () => {
      const loaded = await readPromotionRows(db, now, []);
      const boundaries = loaded.flatMap(({ promotion: p }) => [p.startsAt, p.endsAt]).map((d) => d?.getTime() ?? Infinity);
      return { value: loaded, validUntil: Math.min(...boundaries.filter((t) => t > now.getTime())) };
    },
    now.getTime(),
  );
  return structuredClone(rows);
}

/** The customer's uses of the promotions with a per-customer limit (none read for a guest or without one). */
async function customerUses(db: DbOrTx, customerId: number | null, rows: PromotionRow[]): Promise<Map<number, number>> {
  const limited = rows.filter((r) => r.promotion.perCustomerLimit !== null).map((r) => r.promotion.id);
  if (customerId === null || limited.length === 0) return new Map();
  const used = await db
    .select({ promotionId: promotionCustomerUsage.promotionId, usedCount: promotionCustomerUsage.usedCount })
    .from(promotionCustomerUsage)
    .where(and(eq(promotionCustomerUsage.customerId, customerId), inArray(promotionCustomerUsage.promotionId, limited)));
  return new Map(used.map((u) => [u.promotionId, u.usedCount]));
}

/**
 * What the customer conditions read. `customerId` null = a guest (not known, first order, no loyalty).
 * signedIn = the customer is known: signed in on the web, linked to the sale at the counter. firstOrder =
 * no earlier order of theirs that was not cancelled (`exceptOrderId` leaves out the order being placed).
 */
export async function loadCustomerFacts(
  db: DbOrTx,
  customerId: number | null | undefined,
  options: { exceptOrderId?: string } = {},
): Promise<CustomerFacts> {
  if (customerId == null) return { signedIn: false, firstOrder: true, loyaltyMember: false };
  const [[earlier], [loyalty], [segments]] = await Promise.all([
    db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.customerId, customerId), ne(orders.status, 'cancelled'), options.exceptOrderId ? ne(orders.id, options.exceptOrderId) : undefined))
      .limit(1),
    db.select({ id: loyaltyAccounts.customerId }).from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, customerId)),
    // S14: kept by lib/insight/segments (recomputed on purchase); none yet = no segment condition passes.
    db.select({ segments: customerSegments.segments }).from(customerSegments).where(eq(customerSegments.customerId, customerId)),
  ]);
  return { signedIn: true, firstOrder: !earlier, loyaltyMember: !!loyalty, segments: segments?.segments ?? [] };
}

/**
 * Candidates and customer facts together: what every surface passes to priceCart for a customer.
 * `codes`: the codes priceCart will be given (the cart's), so campaign codes and ended codes resolve.
 */
export async function loadPricingFacts(
  db: DbOrTx,
  now: Date,
  customerId: number | null | undefined,
  codes: readonly string[] = [],
): Promise<{ promotions: PromotionCandidate[]; customer: CustomerFacts }> {
  const [candidates, customer] = await Promise.all([
    loadPromotionCandidates(db, now, { customerId, codes }),
    loadCustomerFacts(db, customerId),
  ]);
  return { promotions: candidates, customer };
}

/**
 * Registers the usage of every promotion an order got, in the placing transaction. One conditional
 * UPDATE per promotion (uses below the limit, budget not exceeded) and one conditional upsert per
 * customer (uses below the per-customer limit): two checkouts racing for the last use wait for each
 * other's row lock and only one passes the condition. A failed condition → DomainError('codeRefused.used_up',
 * { code, name }) — the transaction rolls back, nothing is paid; the shopper sees "this code has been used
 * up" and the next price without it. Promotions without limits only get their counters raised.
 * A campaign code then takes one use of its own (takeCampaignCodeUse, after the promotion's row lock,
 * so the lock order is the same everywhere); a code used up meanwhile is the same "used up".
 */
export async function registerPromotionUsage(
  tx: DbOrTx,
  input: { orderId: string; customerId: number | null; priced: Pick<PricedCart, 'appliedPromotions'>; candidates: PromotionCandidate[] },
): Promise<void> {
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  // In id order: two orders using the same promotions lock them in the same order (no deadlock).
  const applied = [...input.priced.appliedPromotions].sort((a, b) => a.id - b.id);
  for (const a of applied) {
    const amount = a.discountCents + a.shippingDiscountCents;
    if (amount <= 0) continue;
    const candidate = byId.get(a.id);
    const usedUp = () => new DomainError('codeRefused.used_up', { code: a.code ?? '', name: a.name });
    const [row] = await tx
      .update(promotions)
      .set({ usedCount: sql`${promotions.usedCount} + 1`, discountGivenCents: sql`${promotions.discountGivenCents} + ${amount}` })
      .where(
        and(
          eq(promotions.id, a.id),
          or(isNull(promotions.usageLimit), sql`${promotions.usedCount} < ${promotions.usageLimit}`),
          or(isNull(promotions.budgetCents), sql`${promotions.discountGivenCents} + ${amount} <= ${promotions.budgetCents}`),
        ),
      )
      .returning({ id: promotions.id, perCustomerLimit: promotions.perCustomerLimit, code: promotions.code });
    if (!row) throw usedUp();
    // A code that is not the promotion's own is one of its campaign codes.
    let campaignCodeId: number | null = null;
    if (a.code !== null && a.code !== promotionCode(row)) {
      campaignCodeId = await takeCampaignCodeUse(tx, a.id, a.code);
      if (campaignCodeId === null) throw usedUp();
    }
    const perCustomerLimit = row.perCustomerLimit ?? candidate?.perCustomerLimit ?? null;
    if (perCustomerLimit !== null) {
      if (input.customerId === null) throw new DomainError('codeRefused.not_for_customer', { code: a.code ?? '', name: a.name });
      const [mine] = await tx
        .insert(promotionCustomerUsage)
        .values({ promotionId: a.id, customerId: input.customerId, usedCount: 1 })
        .onConflictDoUpdate({
          target: [promotionCustomerUsage.promotionId, promotionCustomerUsage.customerId],
          set: { usedCount: sql`${promotionCustomerUsage.usedCount} + 1` },
          setWhere: sql`${promotionCustomerUsage.usedCount} < ${perCustomerLimit}`,
        })
        .returning({ usedCount: promotionCustomerUsage.usedCount });
      if (!mine) throw usedUp();
    }
    await tx.insert(promotionRedemptions).values({ promotionId: a.id, orderId: input.orderId, customerId: input.customerId, code: a.code, campaignCodeId, discountCents: amount });
  }
}

/**
 * Gives back the uses of a cancelled or fully returned order: marks its redemptions released (once —
 * a second call finds none) and lowers the counters by what they took (a campaign code's use included). Call inside the cancelling
 * transaction.
 */
export async function releasePromotionUsage(tx: DbOrTx, orderId: string, now: Date = new Date()): Promise<number> {
  const released = await tx
    .update(promotionRedemptions)
    .set({ releasedAt: now })
    .where(and(eq(promotionRedemptions.orderId, orderId), isNull(promotionRedemptions.releasedAt)))
    .returning({
      promotionId: promotionRedemptions.promotionId,
      customerId: promotionRedemptions.customerId,
      campaignCodeId: promotionRedemptions.campaignCodeId,
      discountCents: promotionRedemptions.discountCents,
    });
  for (const r of released.sort((a, b) => a.promotionId - b.promotionId)) {
    await tx
      .update(promotions)
      .set({
        usedCount: sql`greatest(${promotions.usedCount} - 1, 0)`,
        discountGivenCents: sql`greatest(${promotions.discountGivenCents} - ${r.discountCents}, 0)`,
      })
      .where(eq(promotions.id, r.promotionId));
    if (r.customerId !== null) {
      await tx
        .update(promotionCustomerUsage)
        .set({ usedCount: sql`greatest(${promotionCustomerUsage.usedCount} - 1, 0)` })
        .where(and(eq(promotionCustomerUsage.promotionId, r.promotionId), eq(promotionCustomerUsage.customerId, r.customerId)));
    }
    if (r.campaignCodeId !== null) await giveBackCampaignCodeUse(tx, r.campaignCodeId);
  }
  return released.length;
}

/** Usage per promotion for admin lists: uses so far and budget used. */
export async function promotionUsageByIds(db: DbOrTx, ids: number[]): Promise<Map<number, { usedCount: number; discountGivenCents: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: promotions.id, usedCount: promotions.usedCount, discountGivenCents: promotions.discountGivenCents })
    .from(promotions)
    .where(inArray(promotions.id, ids));
  return new Map(rows.map((r) => [r.id, { usedCount: r.usedCount, discountGivenCents: r.discountGivenCents }]));
}
