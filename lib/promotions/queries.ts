import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { promotions } from '@/db/schema';
import { promotionStatus, type PromotionCandidate, type PromotionStatus } from '@/lib/pricing';

const candidateColumns = {
  id: promotions.id,
  name: promotions.name,
  kind: promotions.kind,
  value: promotions.value,
  target: promotions.target,
  targetId: promotions.targetId,
  startsAt: promotions.startsAt,
  endsAt: promotions.endsAt,
  code: promotions.code,
  channels: promotions.channels,
};

// The loader of priceCart candidates (with usage) lives in candidates.ts; re-exported for its callers.
export { loadPromotionCandidates } from './candidates';

export interface PromotionAdminDto extends PromotionCandidate {
  status: PromotionStatus;
  /** Name of the targeted category / product (in `locale`) or the variant's SKU; null for 'all'. */
  targetLabel: string | null;
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

/** Every promotion for the admin list, newest first, with its status at `now`. */
export async function listPromotions(
  db: DbOrTx,
  options: { now?: Date; locale?: 'nl' | 'en' } = {},
): Promise<PromotionAdminDto[]> {
  const now = options.now ?? new Date();
  const rows = await db
    .select({ ...candidateColumns, createdAt: promotions.createdAt, targetLabel: targetLabelSql(options.locale ?? 'nl') })
    .from(promotions)
    .orderBy(desc(promotions.createdAt), desc(promotions.id));
  return rows.map((r) => ({ ...r, status: promotionStatus(r, now) }));
}

/** One promotion for the edit form, or null. */
export async function getPromotion(
  db: DbOrTx,
  id: number,
  options: { now?: Date; locale?: 'nl' | 'en' } = {},
): Promise<PromotionAdminDto | null> {
  const [row] = await db
    .select({ ...candidateColumns, createdAt: promotions.createdAt, targetLabel: targetLabelSql(options.locale ?? 'nl') })
    .from(promotions)
    .where(eq(promotions.id, id));
  return row ? { ...row, status: promotionStatus(row, options.now ?? new Date()) } : null;
}
