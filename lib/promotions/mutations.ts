import { and, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories, products, promotions, variants } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { isCampaignCode } from './campaign-codes';
import type { PromotionInput } from './schemas';

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

const TABLES = { category: categories, product: products, variant: variants } as const;

/** The targeted category / product / variant must exist, or the promotion would silently match nothing. */
async function assertTargetExists(db: DbOrTx, input: PromotionInput): Promise<void> {
  if (input.target !== 'all' && input.targetId !== null) {
    const table = TABLES[input.target];
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, input.targetId));
    if (!row) throw new DomainError('notFound', {}, 'targetId');
  }
  // The extra targets, exclusions and "get" items likewise, each reported on its own form field.
  const lists = [
    ['alsoTargets', input.additionalTargets],
    ['exceptTargets', input.exclusions],
    ['getTargets', input.getTargets],
  ] as const;
  for (const [field, refs] of lists) {
    for (const type of ['category', 'product', 'variant'] as const) {
      const ids = [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
      if (ids.length === 0) continue;
      const table = TABLES[type];
      const rows = await db.select({ id: table.id }).from(table).where(inArray(table.id, ids));
      if (rows.length !== ids.length) throw new DomainError('notFound', {}, field);
    }
  }
}

/** Whether another promotion (or a campaign code) already uses this code (codes are unique, stored upper-case). */
async function codeTaken(db: DbOrTx, code: string | null, exceptId?: number): Promise<boolean> {
  if (code === null) return false;
  if (await isCampaignCode(db, code)) return true;
  const [row] = await db
    .select({ id: promotions.id })
    .from(promotions)
    .where(and(eq(promotions.code, code), exceptId === undefined ? undefined : ne(promotions.id, exceptId)));
  return !!row;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Creates a promotion (admin only). A code already in use (by a promotion or as a campaign code) →
 * DomainError('codeTaken') on the 'code' field; the unique index decides, so two admins racing for one
 * code cannot both win.
 */
export async function createPromotion(db: DbOrTx, input: PromotionInput, actor: Actor): Promise<{ id: number }> {
  assertAdmin(actor);
  await assertTargetExists(db, input);
  if (input.code !== null && (await isCampaignCode(db, input.code))) throw new DomainError('codeTaken', {}, 'code');
  const [row] = await db
    .insert(promotions)
    .values({ ...input, createdByUserId: actor.userId })
    .onConflictDoNothing({ target: promotions.code })
    .returning({ id: promotions.id });
  if (!row) throw new DomainError('codeTaken', {}, 'code');
  return row;
}

/** Replaces a promotion's settings (admin only). Unknown id → notFound; a code in use → codeTaken. */
export async function updatePromotion(
  db: DbOrTx,
  id: number,
  input: PromotionInput,
  actor: Actor,
): Promise<{ id: number }> {
  assertAdmin(actor);
  await assertTargetExists(db, input);
  if (await codeTaken(db, input.code, id)) throw new DomainError('codeTaken', {}, 'code');
  try {
    const [row] = await db.update(promotions).set(input).where(eq(promotions.id, id)).returning({ id: promotions.id });
    if (!row) throw new DomainError('notFound');
    return row;
  } catch (error) {
    // Lost a race for the code after the check above.
    if (isUniqueViolation(error)) throw new DomainError('codeTaken', {}, 'code');
    throw error;
  }
}

/**
 * Ends a promotion at `now` (admin only); prices change on the next priceCart call everywhere. A
 * scheduled promotion gets its start moved just before `now` so the window stays valid
 * (starts_at < ends_at). Ending an already ended promotion changes nothing.
 */
export async function endPromotionNow(
  db: DbOrTx,
  id: number,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ id: number; endsAt: Date }> {
  assertAdmin(actor);
  const justBefore = new Date(now.getTime() - 1000);
  const [row] = await db
    .update(promotions)
    .set({
      endsAt: now,
      startsAt: sql`case when ${promotions.startsAt} >= ${now.toISOString()}::timestamptz
        then ${justBefore.toISOString()}::timestamptz else ${promotions.startsAt} end`,
    })
    .where(and(eq(promotions.id, id), or(isNull(promotions.endsAt), gt(promotions.endsAt, now))))
    .returning({ id: promotions.id, endsAt: promotions.endsAt });
  if (row) return { id: row.id, endsAt: row.endsAt as Date };
  const [existing] = await db.select({ id: promotions.id, endsAt: promotions.endsAt }).from(promotions).where(eq(promotions.id, id));
  if (!existing) throw new DomainError('notFound');
  return { id: existing.id, endsAt: existing.endsAt as Date };
}
