import { desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories, products, promotions, variants } from '@/db/schema';
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

/**
 * The promotions that may apply at `now` or later (not ended), in ONE query. priceCart decides which
 * of them apply to a cart; loading scheduled ones too keeps this one cheap query for every caller.
 */
export async function loadPromotionCandidates(db: DbOrTx, now: Date): Promise<PromotionCandidate[]> {
  return db
    .select(candidateColumns)
    .from(promotions)
    .where(or(isNull(promotions.endsAt), gt(promotions.endsAt, now)));
}

export interface PromotionAdminDto extends PromotionCandidate {
  status: PromotionStatus;
  /** Name of the targeted category / product (in `locale`) or the variant's SKU; null for 'all'. */
  targetLabel: string | null;
  createdAt: Date;
}

function targetLabelSql(locale: 'nl' | 'en') {
  const categoryName = locale === 'en' ? categories.nameEn : categories.nameNl;
  const productName = locale === 'en' ? products.nameEn : products.nameNl;
  return sql<string | null>`case ${promotions.target}
    when 'category' then (select ${categoryName} from ${categories} where ${categories.id} = ${promotions.targetId})
    when 'product' then (select ${productName} from ${products} where ${products.id} = ${promotions.targetId})
    when 'variant' then (select ${variants.sku} from ${variants} where ${variants.id} = ${promotions.targetId})
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
