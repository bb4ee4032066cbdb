import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import type { DbOrTx } from '@/db/client';
import { promotionCodes, promotions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { normalizeCode } from '@/lib/pricing';

// Campaign codes: N generated single-use codes that each redeem one promotion (promotion_codes). A
// promotion that has them is redeemed only by a code — its own, if set, or one of these.

/** Upper case without the look-alikes 0/O, 1/I/L, so a code read aloud or off paper is typed right. */
export const CAMPAIGN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Random characters per code: 31^8 ≈ 8.5·10^11 codes, so a collision is rare and simply retried. */
export const CAMPAIGN_CODE_LENGTH = 8;
export const MAX_CAMPAIGN_CODES = 10_000;
/** Rows per INSERT, well below the parameter limit of both databases. */
const INSERT_CHUNK = 1_000;
/** Rounds of "draw what is still missing, insert, skip collisions" before giving up. */
const MAX_ROUNDS = 8;

/** One code: PREFIX-XXXXXXXX, or XXXXXXXX without a prefix (at most 12 + 1 + 8 characters). */
export function randomCampaignCode(prefix: string | null, draw: (n: number) => number = randomInt): string {
  let body = '';
  for (let i = 0; i < CAMPAIGN_CODE_LENGTH; i++) body += CAMPAIGN_CODE_ALPHABET[draw(CAMPAIGN_CODE_ALPHABET.length)];
  return prefix ? `${prefix}-${body}` : body;
}

/**
 * Generates `count` (1..10,000) new unique single-use codes for a promotion (admin only), in one
 * transaction. Collision-safe: the unique index decides (insert … on conflict do nothing), and what a
 * collision took is drawn again; a code equal to a promotion's own code is never issued. Recorded in
 * the audit log. Errors: notFound (no such promotion), forbidden, conflict (could not find free codes).
 */
export async function generateCampaignCodes(
  db: DbOrTx,
  input: { promotionId: number; count: number; prefix: string | null },
  actor: Actor,
  /** Tests: the random source (a value in [0, n)). */
  draw: (n: number) => number = randomInt,
): Promise<{ generated: number }> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  if (!Number.isSafeInteger(input.count) || input.count < 1 || input.count > MAX_CAMPAIGN_CODES) throw new RangeError(`invalid count ${input.count}`);
  const prefix = input.prefix ? normalizeCode(input.prefix) : null;
  return db.transaction(async (tx) => {
    const [promotion] = await tx.select({ id: promotions.id, name: promotions.name }).from(promotions).where(eq(promotions.id, input.promotionId));
    if (!promotion) throw new DomainError('notFound');
    let missing = input.count;
    for (let round = 0; round < MAX_ROUNDS && missing > 0; round++) {
      const drawn = new Set<string>();
      while (drawn.size < missing) drawn.add(randomCampaignCode(prefix, draw));
      const taken = await tx.select({ code: promotions.code }).from(promotions).where(inArray(promotions.code, [...drawn]));
      for (const t of taken) if (t.code) drawn.delete(t.code);
      const fresh = [...drawn];
      for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
        const inserted = await tx
          .insert(promotionCodes)
          .values(fresh.slice(i, i + INSERT_CHUNK).map((code) => ({ promotionId: promotion.id, code })))
          .onConflictDoNothing({ target: promotionCodes.code })
          .returning({ id: promotionCodes.id });
        missing -= inserted.length;
      }
    }
    if (missing > 0) throw new DomainError('conflict');
    await recordAudit(tx, actor, {
      action: 'promotion.codes_generated',
      entityType: 'promotion',
      entityId: promotion.id,
      summary: `${input.count} campaign codes for ${promotion.name}${prefix ? ` (prefix ${prefix})` : ''}`,
      after: { count: input.count, prefix },
    });
    return { generated: input.count };
  });
}

export interface CampaignCodeRow {
  code: string;
  usedCount: number;
  usageLimit: number;
  createdAt: Date;
}

/** Every campaign code of a promotion in the order generated (admin only), with the promotion's name. */
export async function listCampaignCodes(db: DbOrTx, promotionId: number, actor: Actor): Promise<{ name: string; codes: CampaignCodeRow[] }> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  const [promotion] = await db.select({ name: promotions.name }).from(promotions).where(eq(promotions.id, promotionId));
  if (!promotion) throw new DomainError('notFound');
  const codes = await db
    .select({ code: promotionCodes.code, usedCount: promotionCodes.usedCount, usageLimit: promotionCodes.usageLimit, createdAt: promotionCodes.createdAt })
    .from(promotionCodes)
    .where(eq(promotionCodes.promotionId, promotionId))
    .orderBy(asc(promotionCodes.id));
  return { name: promotion.name, codes };
}

/** The codes as CSV (UTF-8 with BOM for spreadsheets; formula-like cells escaped). */
export function campaignCodesCsv(codes: CampaignCodeRow[]): string {
  const rows = codes.map((c) => [c.code, c.usedCount, c.usageLimit, c.createdAt.toISOString()]);
  return `\uFEFF${Papa.unparse({ fields: ['code', 'used', 'usage_limit', 'created_at'], data: rows }, { newline: '\r\n', escapeFormulae: true })}\r\n`;
}

/** The entered codes that are campaign codes: which promotion each redeems and the uses it has left. */
export async function findCampaignCodes(db: DbOrTx, codes: string[]): Promise<{ code: string; promotionId: number; usesLeft: number }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ code: promotionCodes.code, promotionId: promotionCodes.promotionId, usesLeft: sql<number>`${promotionCodes.usageLimit} - ${promotionCodes.usedCount}`.mapWith(Number) })
    .from(promotionCodes)
    .where(inArray(promotionCodes.code, codes));
}

/** Whether a campaign code already has this text (a promotion's own code may not take it). */
export async function isCampaignCode(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ id: promotionCodes.id }).from(promotionCodes).where(eq(promotionCodes.code, code));
  return !!row;
}

/**
 * One use of a campaign code for an order being placed: ONE conditional UPDATE (uses below its limit),
 * so two checkouts with the same single-use code cannot both take it. Returns the code's id, or null
 * when it is used up (or is not a code of this promotion).
 */
export async function takeCampaignCodeUse(tx: DbOrTx, promotionId: number, code: string): Promise<number | null> {
  const [row] = await tx
    .update(promotionCodes)
    .set({ usedCount: sql`${promotionCodes.usedCount} + 1` })
    .where(and(eq(promotionCodes.code, code), eq(promotionCodes.promotionId, promotionId), sql`${promotionCodes.usedCount} < ${promotionCodes.usageLimit}`))
    .returning({ id: promotionCodes.id });
  return row?.id ?? null;
}

/** Gives a campaign code's use back (order cancelled or fully returned). */
export async function giveBackCampaignCodeUse(tx: DbOrTx, campaignCodeId: number): Promise<void> {
  await tx
    .update(promotionCodes)
    .set({ usedCount: sql`greatest(${promotionCodes.usedCount} - 1, 0)` })
    .where(eq(promotionCodes.id, campaignCodeId));
}
