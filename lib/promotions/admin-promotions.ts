import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { promotions, variants } from '@/db/schema';
import { promotionStatus, type PromotionStatus } from '@/lib/pricing';
import type { PromotionInput } from './schemas';

// The admin's reads of promotions: every editable field as stored, its status, what it targets in
// words, and its usage (uses, discount given) against its limits and budget, campaign codes included.

export interface PromotionAdminDto extends PromotionInput {
  id: number;
  status: PromotionStatus;
  /** Name of the targeted category / product (in `locale`) or the variant's SKU; null for 'all'. */
  targetLabel: string | null;
  /** Orders that used it (released ones not counted). */
  usedCount: number;
  /** Σ discount it gave, cents. */
  discountGivenCents: number;
  /** Campaign codes generated for it, and how many of them have been used. */
  campaignCodesGenerated: number;
  campaignCodesUsed: number;
  createdAt: Date;
}

// Plain SQL with aliases: drizzle renders columns unqualified in a single-table select, which would make
// "id" inside these sub-selects ambiguous.
function targetLabelSql(locale: 'nl' | 'en') {
  const name = sql.raw(locale === 'en' ? 'name_en' : 'name_nl');
  return sql<string | null>`case "promotions"."target"
    when 'category' then (select c.${name} from categories c where c.id = "promotions"."target_id")
    when 'product' then (select p.${name} from products p where p.id = "promotions"."target_id")
    when 'variant' then (select v.sku from variants v where v.id = "promotions"."target_id")
  end`;
}

const columns = (locale: 'nl' | 'en') => ({
  id: promotions.id,
  name: promotions.name,
  titleEn: promotions.titleEn,
  titleNl: promotions.titleNl,
  descriptionEn: promotions.descriptionEn,
  descriptionNl: promotions.descriptionNl,
  scope: promotions.scope,
  kind: promotions.kind,
  value: promotions.value,
  target: promotions.target,
  targetId: promotions.targetId,
  additionalTargets: promotions.additionalTargets,
  exclusions: promotions.exclusions,
  skipReducedLines: promotions.skipReducedLines,
  maxUnitsPerLine: promotions.maxUnitsPerLine,
  application: promotions.application,
  buyQuantity: promotions.buyQuantity,
  getQuantity: promotions.getQuantity,
  getTargets: promotions.getTargets,
  maxApplications: promotions.maxApplications,
  minSubtotalCents: promotions.minSubtotalCents,
  minItems: promotions.minItems,
  customerCondition: promotions.customerCondition,
  customerSegment: promotions.customerSegment,
  weekdays: promotions.weekdays,
  dailyStartMinute: promotions.dailyStartMinute,
  dailyEndMinute: promotions.dailyEndMinute,
  startsAt: promotions.startsAt,
  endsAt: promotions.endsAt,
  priority: promotions.priority,
  combination: promotions.combination,
  code: promotions.code,
  channels: promotions.channels,
  usageLimit: promotions.usageLimit,
  perCustomerLimit: promotions.perCustomerLimit,
  budgetCents: promotions.budgetCents,
  usedCount: promotions.usedCount,
  discountGivenCents: promotions.discountGivenCents,
  createdAt: promotions.createdAt,
  targetLabel: targetLabelSql(locale),
  campaignCodesGenerated: sql<number>`(select count(*)::int from promotion_codes pc where pc.promotion_id = "promotions"."id")`.mapWith(Number),
  campaignCodesUsed: sql<number>`(select count(*)::int from promotion_codes pc where pc.promotion_id = "promotions"."id" and pc.used_count > 0)`.mapWith(Number),
});

type Row = Omit<PromotionAdminDto, 'status' | 'additionalTargets' | 'exclusions' | 'getTargets'> & {
  additionalTargets: { type: string; id: number | null }[];
  exclusions: { type: string; id: number | null }[];
  getTargets: { type: string; id: number | null }[];
};
const toDto = (r: Row, now: Date): PromotionAdminDto => ({
  ...r,
  additionalTargets: r.additionalTargets as PromotionInput['additionalTargets'],
  exclusions: r.exclusions as PromotionInput['exclusions'],
  getTargets: r.getTargets as PromotionInput['getTargets'],
  status: promotionStatus(r, now),
});

/** Every promotion for the admin list, newest first, with its status at `now` and its usage. */
export async function listPromotionsForAdmin(
  db: DbOrTx,
  options: { now?: Date; locale?: 'nl' | 'en' } = {},
): Promise<PromotionAdminDto[]> {
  const now = options.now ?? new Date();
  const rows = await db.select(columns(options.locale ?? 'nl')).from(promotions).orderBy(desc(promotions.createdAt), desc(promotions.id));
  return rows.map((r) => toDto(r as Row, now));
}

/** One promotion for the edit form, or null. */
export async function getPromotionForAdmin(
  db: DbOrTx,
  id: number,
  options: { now?: Date; locale?: 'nl' | 'en' } = {},
): Promise<PromotionAdminDto | null> {
  const [row] = await db.select(columns(options.locale ?? 'nl')).from(promotions).where(eq(promotions.id, id));
  return row ? toDto(row as Row, options.now ?? new Date()) : null;
}

/** The SKUs of the variants a promotion excludes, for the form's "Except SKUs" field. */
export async function excludedSkus(db: DbOrTx, p: Pick<PromotionInput, 'exclusions'>): Promise<string[]> {
  const ids = p.exclusions.filter((r) => r.type === 'variant').map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db.select({ sku: variants.sku }).from(variants).where(inArray(variants.id, ids));
  return rows.map((r) => r.sku).sort();
}

/** SKUs (upper-case) → variant ids; the unknown ones come back separately. */
export async function variantIdsBySku(db: DbOrTx, skus: string[]): Promise<{ ids: number[]; unknown: string[] }> {
  if (skus.length === 0) return { ids: [], unknown: [] };
  const rows = await db.select({ id: variants.id, sku: variants.sku }).from(variants).where(inArray(variants.sku, skus));
  const found = new Map(rows.map((r) => [r.sku, r.id]));
  return { ids: skus.flatMap((s) => (found.has(s) ? [found.get(s) as number] : [])), unknown: skus.filter((s) => !found.has(s)) };
}
