import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cachedRead } from '@/lib/cache/table-cache';
import { experimentExposures, experimentOrders, experiments, experimentVariants, promotions } from '@/db/schema';
import type { Channel, PriceLineInput, PromotionCandidate } from '@/lib/pricing';
import { promotionMatchesLine } from '@/lib/pricing/promotions';
import { assignVariant, experimentSubject, type SubjectInput } from './experiments';

/**
 * The one place a cart's experiment assignments are made (S11): every surface that prices a cart —
 * the web cart and checkout, the counter cart, placing an order, a counter sale — calls
 * loadExperimentPricing and passes `experimentVariants` to priceCart, so one person gets one variant.
 */

type Line = Pick<PriceLineInput, 'variantId' | 'productId' | 'categoryId'>;
type Targets = Pick<PromotionCandidate, 'target' | 'targetId' | 'additionalTargets' | 'exclusions'>;

export interface ExperimentAssignment {
  experimentId: number;
  variantId: number;
  /** Whether a line is one the experiment is about (a product any of its variants' promotions covers). */
  covers: (line: Line) => boolean;
}

export interface ExperimentPricing {
  subject: string;
  /** For PriceContext.experimentVariants: experiment id → the subject's variant id (running experiments). */
  experimentVariants: Record<number, number>;
  assignments: ExperimentAssignment[];
}

/**
 * The web visitor id, when the shopper accepted analytics cookies and this runs in a request; else null
 * (tests, jobs, a counter request). Imported lazily: lib/insight/visitor reads next/headers.
 */
export async function requestVisitorId(): Promise<string | null> {
  try {
    const { readVisitor } = await import('./visitor');
    return (await readVisitor()).visitorId;
  } catch {
    return null;
  }
}

/** What the running experiments' variants are read from: the triggers of migration 0011 announce changes. */
const EXPERIMENT_TABLES = ['experiments', 'experiment_variants', 'promotions'] as const;

/**
 * The running experiments' variants with their promotions' targets: ONE query, or none when this
 * instance's table cache holds them (lib/cache; a transaction always reads the database).
 */
function runningExperimentVariants(db: DbOrTx) {
  const read = () =>
    db
      .select({
        experimentId: experimentVariants.experimentId,
        variantId: experimentVariants.id,
        weightPercent: experimentVariants.weightPercent,
        target: promotions.target,
        targetId: promotions.targetId,
        additionalTargets: promotions.additionalTargets,
        exclusions: promotions.exclusions,
      })
      .from(experimentVariants)
      .innerJoin(experiments, and(eq(experiments.id, experimentVariants.experimentId), eq(experiments.status, 'running')))
      .leftJoin(promotions, eq(promotions.id, experimentVariants.promotionId))
      .orderBy(asc(experimentVariants.experimentId), asc(experimentVariants.id));
  return cachedRead(db, 'running-experiment-variants', EXPERIMENT_TABLES, async () => ({ value: await read() }));
}

/**
 * The subject and its variants in every running experiment (runningExperimentVariants; nothing of the
 * cached rows is changed here). `visitorId` undefined: read from the request for a web cart without a known customer.
 */
export async function loadExperimentPricing(
  db: DbOrTx,
  who: SubjectInput & { channel: Channel },
): Promise<ExperimentPricing> {
  const visitorId =
    who.channel === 'web' && who.customerId == null ? (who.visitorId === undefined ? await requestVisitorId() : who.visitorId) : null;
  const subject = experimentSubject({ customerId: who.customerId, visitorId, cartId: who.cartId });
  const rows = await runningExperimentVariants(db);
  const byExperiment = new Map<number, { variants: { id: number; weightPercent: number }[]; targets: Targets[] }>();
  for (const r of rows) {
    const e = byExperiment.get(r.experimentId) ?? { variants: [], targets: [] };
    e.variants.push({ id: r.variantId, weightPercent: r.weightPercent });
    if (r.target !== null) e.targets.push({ target: r.target, targetId: r.targetId, additionalTargets: r.additionalTargets ?? [], exclusions: r.exclusions ?? [] });
    byExperiment.set(r.experimentId, e);
  }
  const experimentVariantsOut: Record<number, number> = {};
  const assignments: ExperimentAssignment[] = [];
  for (const [experimentId, e] of byExperiment) {
    const variant = assignVariant(experimentId, subject, e.variants);
    if (!variant) continue;
    experimentVariantsOut[experimentId] = variant.id;
    assignments.push({ experimentId, variantId: variant.id, covers: (line) => e.targets.some((t) => promotionMatchesLine(t, line)) });
  }
  return { subject, experimentVariants: experimentVariantsOut, assignments };
}

function relevant(pricing: ExperimentPricing, lines: readonly Line[]): ExperimentAssignment[] {
  return pricing.assignments.filter((a) => lines.some((l) => a.covers(l)));
}

/**
 * Logs that the subject saw a price with its variant: for each running experiment about a product in
 * the cart, one row per subject (insert … on conflict do nothing — the first exposure stays). Called
 * where a cart's price is shown (web cart page, counter cart), not for product listings.
 */
export async function recordExposures(
  db: DbOrTx,
  pricing: ExperimentPricing,
  input: { lines: readonly Line[]; channel: Channel; customerId: number | null; now?: Date },
): Promise<void> {
  const hits = relevant(pricing, input.lines);
  if (hits.length === 0) return;
  await db
    .insert(experimentExposures)
    .values(hits.map((a) => ({ experimentId: a.experimentId, subject: pricing.subject, variantId: a.variantId, customerId: input.customerId, channel: input.channel, firstExposedAt: input.now ?? new Date() })))
    .onConflictDoNothing();
}

/**
 * The conversion: the variant an order was priced with, in the order's own transaction. The subject
 * counts as exposed too (checkout showed the price), so converted subjects are always among the exposed.
 */
export async function recordExperimentOrder(
  tx: DbOrTx,
  pricing: ExperimentPricing,
  input: { orderId: string; lines: readonly Line[]; channel: Channel; customerId: number | null; now?: Date },
): Promise<void> {
  const hits = relevant(pricing, input.lines);
  if (hits.length === 0) return;
  await recordExposures(tx, pricing, input);
  await tx
    .insert(experimentOrders)
    .values(hits.map((a) => ({ orderId: input.orderId, experimentId: a.experimentId, variantId: a.variantId, subject: pricing.subject, createdAt: input.now ?? new Date() })))
    .onConflictDoNothing();
}
