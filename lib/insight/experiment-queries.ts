import 'server-only';
import { asc, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { experiments, experimentVariants, promotions, type ExperimentStatus } from '@/db/schema';
import { compareArms, type Comparison } from './experiment-stats';

/** Reads for the admin experiment pages (S11). Every figure is counted in SQL. */

export interface ExperimentListItem {
  id: number;
  name: string;
  status: ExperimentStatus;
  startedAt: Date | null;
  stoppedAt: Date | null;
  createdAt: Date;
  variantCount: number;
  exposed: number;
  converted: number;
}

// Qualified by hand: in a one-table select Drizzle writes a bare "id", which inside the subqueries
// below would mean the subquery's own table's id.
const thisExperiment = sql.raw('"experiments"."id"');

export async function listExperiments(db: DbOrTx): Promise<ExperimentListItem[]> {
  return db
    .select({
      id: experiments.id,
      name: experiments.name,
      status: experiments.status,
      startedAt: experiments.startedAt,
      stoppedAt: experiments.stoppedAt,
      createdAt: experiments.createdAt,
      variantCount: sql<number>`(select count(*)::int from experiment_variants v where v.experiment_id = ${thisExperiment})`,
      exposed: sql<number>`(select count(*)::int from experiment_exposures x where x.experiment_id = ${thisExperiment})`,
      converted: sql<number>`(select count(distinct o.subject)::int from experiment_orders o join orders ord on ord.id = o.order_id where o.experiment_id = ${thisExperiment} and ord.status <> 'cancelled')`,
    })
    .from(experiments)
    .orderBy(desc(experiments.createdAt), desc(experiments.id));
}

export interface VariantFigures {
  id: number;
  key: string;
  name: string;
  promotionId: number | null;
  promotionName: string | null;
  weightPercent: number;
  exposed: number;
  /** Exposed subjects with at least one (not cancelled) order priced with this variant. */
  converted: number;
  orders: number;
  revenueCents: number;
  /** converted / exposed, 0 without exposures. */
  conversionRate: number;
  /** Revenue per exposed subject, whole cents. */
  revenuePerExposedCents: number;
  /** Against the baseline; null for the baseline itself. */
  comparison: Comparison | null;
}

export interface ExperimentAnalysis {
  id: number;
  name: string;
  hypothesis: string | null;
  status: ExperimentStatus;
  startedAt: Date | null;
  stoppedAt: Date | null;
  winnerVariantId: number | null;
  /** The control when there is one, else the first variant. */
  baselineVariantId: number;
  variants: VariantFigures[];
}

/** The analysis of one experiment: per variant exposed, converted, revenue, and the test against the baseline. */
export async function getExperimentAnalysis(db: DbOrTx, experimentId: number): Promise<ExperimentAnalysis | null> {
  const [experiment] = await db.select().from(experiments).where(eq(experiments.id, experimentId));
  if (!experiment) return null;
  const rows = await db
    .select({
      id: experimentVariants.id,
      key: experimentVariants.key,
      name: experimentVariants.name,
      promotionId: experimentVariants.promotionId,
      promotionName: promotions.name,
      weightPercent: experimentVariants.weightPercent,
      exposed: sql<number>`(select count(*)::int from experiment_exposures x where x.variant_id = ${experimentVariants.id})`,
      converted: sql<number>`(select count(distinct o.subject)::int from experiment_orders o join orders ord on ord.id = o.order_id where o.variant_id = ${experimentVariants.id} and ord.status <> 'cancelled')`,
      orders: sql<number>`(select count(*)::int from experiment_orders o join orders ord on ord.id = o.order_id where o.variant_id = ${experimentVariants.id} and ord.status <> 'cancelled')`,
      revenueCents: sql<number>`(select coalesce(sum(ord.total_cents), 0)::int from experiment_orders o join orders ord on ord.id = o.order_id where o.variant_id = ${experimentVariants.id} and ord.status <> 'cancelled')`,
      revenuePerExposedCents: sql<number>`(select case when count(*) = 0 then 0 else round((select coalesce(sum(ord.total_cents), 0) from experiment_orders o join orders ord on ord.id = o.order_id where o.variant_id = ${experimentVariants.id} and ord.status <> 'cancelled')::numeric / count(*))::int end from experiment_exposures x where x.variant_id = ${experimentVariants.id})`,
    })
    .from(experimentVariants)
    .leftJoin(promotions, eq(promotions.id, experimentVariants.promotionId))
    .where(eq(experimentVariants.experimentId, experimentId))
    .orderBy(asc(experimentVariants.id));
  const baseline = rows.find((r) => r.promotionId === null) ?? rows[0];
  const variants = rows.map((r) => ({
    ...r,
    conversionRate: r.exposed > 0 ? r.converted / r.exposed : 0,
    comparison: !baseline || r.id === baseline.id ? null : compareArms(baseline, r),
  }));
  return {
    id: experiment.id,
    name: experiment.name,
    hypothesis: experiment.hypothesis,
    status: experiment.status,
    startedAt: experiment.startedAt,
    stoppedAt: experiment.stoppedAt,
    winnerVariantId: experiment.winnerVariantId,
    baselineVariantId: baseline?.id ?? 0,
    variants,
  };
}

/** The promotions an experiment variant can be: not ended, by name. */
export async function listPromotionChoices(db: DbOrTx, now: Date = new Date()): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: promotions.id, name: promotions.name })
    .from(promotions)
    .where(or(isNull(promotions.endsAt), gt(promotions.endsAt, now)))
    .orderBy(asc(promotions.name), asc(promotions.id));
}
