import { and, eq, inArray, isNull, ne, or, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { experiments, experimentVariants, promotions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { PromotionTargetRef } from '@/lib/pricing';
import type { ExperimentVariantInput } from './experiment-schemas';

/**
 * Experiment lifecycle (S11): create (draft) → start (running: the variants' promotions apply only to
 * the people assigned to them) → stop (optionally promoting the winner to a normal promotion; every
 * other variant's promotion ends now). Bad input is a DomainError on the `variants` field and changes nothing.
 */

type Targeted = { id: number; name: string; target: PromotionTargetRef['type'] | 'all'; targetId: number | null; additionalTargets: PromotionTargetRef[] };

/** Two promotions overlap when they can discount the same line: the same target, or either targets 'all'. */
export function promotionsOverlap(a: Omit<Targeted, 'id' | 'name'>, b: Omit<Targeted, 'id' | 'name'>): boolean {
  if (a.target === 'all' || b.target === 'all') return true;
  const refs = (p: typeof a) => [`${p.target}:${p.targetId}`, ...p.additionalTargets.map((r) => `${r.type}:${r.id}`)];
  const mine = new Set(refs(a));
  return refs(b).some((r) => mine.has(r));
}

const targetColumns = { id: promotions.id, name: promotions.name, target: promotions.target, targetId: promotions.targetId, additionalTargets: promotions.additionalTargets };

/** Throws when a variant's promotion overlaps one in another draft or running experiment. */
async function assertNoOverlap(db: DbOrTx, mine: Targeted[], exceptExperimentId: number | null): Promise<void> {
  const others = await db
    .select({ ...targetColumns, experimentName: experiments.name })
    .from(experimentVariants)
    .innerJoin(experiments, eq(experiments.id, experimentVariants.experimentId))
    .innerJoin(promotions, eq(promotions.id, experimentVariants.promotionId))
    .where(and(inArray(experiments.status, ['draft', 'running']), exceptExperimentId === null ? undefined : ne(experiments.id, exceptExperimentId)));
  for (const p of mine) {
    const clash = others.find((o) => promotionsOverlap(p, o));
    if (clash) throw new DomainError('experiments.overlap', { name: p.name, other: clash.name, experiment: clash.experimentName }, 'variants');
  }
}

/** Creates a draft experiment; see the rules in the file comment. Returns its id. */
export async function createExperiment(
  db: DbOrTx,
  input: { name: string; hypothesis?: string | null; variants: ExperimentVariantInput[] },
  actor: Actor,
  now: Date = new Date(),
): Promise<number> {
  const { variants } = input;
  if (variants.length < 2) throw new DomainError('experiments.tooFewVariants', {}, 'variants');
  if (variants.some((v) => !Number.isInteger(v.weightPercent) || v.weightPercent < 0 || v.weightPercent > 100)) {
    throw new DomainError('experiments.weightInvalid', {}, 'variants');
  }
  const sum = variants.reduce((n, v) => n + v.weightPercent, 0);
  if (sum !== 100) throw new DomainError('experiments.weightsNot100', { sum }, 'variants');
  if (variants.filter((v) => v.promotionId === null).length > 1) throw new DomainError('experiments.controlTwice', {}, 'variants');
  const ids = variants.flatMap((v) => (v.promotionId === null ? [] : [v.promotionId]));
  if (ids.length === 0) throw new DomainError('experiments.noPromotion', {}, 'variants');
  return db.transaction(async (tx) => {
    const rows = await tx.select({ ...targetColumns, endsAt: promotions.endsAt }).from(promotions).where(inArray(promotions.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const seen = new Set<number>();
    for (const id of ids) {
      const p = byId.get(id);
      if (!p) throw new DomainError('notFound', {}, 'variants');
      if (seen.has(id)) throw new DomainError('experiments.promotionTwice', { name: p.name }, 'variants');
      seen.add(id);
      if (p.endsAt !== null && p.endsAt.getTime() <= now.getTime()) throw new DomainError('experiments.promotionEnded', { name: p.name }, 'variants');
    }
    await assertNoOverlap(tx, rows, null);
    const [experiment] = await tx
      .insert(experiments)
      .values({ name: input.name, hypothesis: input.hypothesis ?? null, status: 'draft', createdByUserId: actor.userId })
      .returning({ id: experiments.id });
    await tx.insert(experimentVariants).values(
      variants.map((v, i) => ({
        experimentId: experiment.id,
        key: String.fromCharCode(65 + i),
        name: v.promotionId === null ? 'Control' : byId.get(v.promotionId)!.name,
        promotionId: v.promotionId,
        weightPercent: v.weightPercent,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'experiment.created',
      entityType: 'experiment',
      entityId: experiment.id,
      summary: `Experiment "${input.name}" with ${variants.length} variants (${variants.map((v) => `${v.weightPercent}%`).join(' / ')})`,
      after: { variants: variants.map((v) => ({ promotionId: v.promotionId, weightPercent: v.weightPercent })) },
    });
    return experiment.id;
  });
}

async function lockExperiment(tx: DbOrTx, experimentId: number) {
  const [row] = await tx.select({ id: experiments.id, name: experiments.name, status: experiments.status }).from(experiments).where(eq(experiments.id, experimentId)).for('update');
  if (!row) throw new DomainError('notFound');
  return row;
}

/** Starts a draft: from now on its variants' promotions price for the people assigned to them. */
export async function startExperiment(db: DbOrTx, experimentId: number, actor: Actor, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const experiment = await lockExperiment(tx, experimentId);
    if (experiment.status !== 'draft') throw new DomainError('experiments.notDraft');
    // The promotions may have been edited since the draft was made: the overlap rule holds at the start too.
    const mine = await tx
      .select(targetColumns)
      .from(experimentVariants)
      .innerJoin(promotions, eq(promotions.id, experimentVariants.promotionId))
      .where(eq(experimentVariants.experimentId, experimentId));
    await assertNoOverlap(tx, mine, experimentId);
    await tx.update(experiments).set({ status: 'running', startedAt: now, updatedAt: now }).where(eq(experiments.id, experimentId));
    await recordAudit(tx, actor, { action: 'experiment.started', entityType: 'experiment', entityId: experimentId, summary: `Experiment "${experiment.name}" started`, before: { status: 'draft' }, after: { status: 'running' } });
  });
}

/**
 * Stops a draft or running experiment. With a winner, the winner's promotion becomes a normal
 * promotion (no longer gated: the experiment is stopped) and every other variant's promotion ends now;
 * without one (or with the control as winner) every variant's promotion ends now.
 */
export async function stopExperiment(
  db: DbOrTx,
  input: { experimentId: number; winnerVariantId?: number | null },
  actor: Actor,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const experiment = await lockExperiment(tx, input.experimentId);
    if (experiment.status === 'stopped') throw new DomainError('experiments.alreadyStopped');
    const variants = await tx
      .select({ id: experimentVariants.id, name: experimentVariants.name, promotionId: experimentVariants.promotionId })
      .from(experimentVariants)
      .where(eq(experimentVariants.experimentId, input.experimentId));
    const winner = input.winnerVariantId == null ? null : variants.find((v) => v.id === input.winnerVariantId);
    if (input.winnerVariantId != null && !winner) throw new DomainError('notFound', {}, 'winnerVariantId');
    const ending = variants.flatMap((v) => (v.promotionId === null || v.id === winner?.id ? [] : [v.promotionId]));
    if (ending.length > 0) {
      await tx
        .update(promotions)
        .set({ endsAt: now, updatedAt: now })
        .where(and(inArray(promotions.id, ending), or(isNull(promotions.endsAt), gt(promotions.endsAt, now))));
    }
    await tx.update(experiments).set({ status: 'stopped', stoppedAt: now, winnerVariantId: winner?.id ?? null, updatedAt: now }).where(eq(experiments.id, input.experimentId));
    await recordAudit(tx, actor, {
      action: 'experiment.stopped',
      entityType: 'experiment',
      entityId: input.experimentId,
      summary: winner ? `Experiment "${experiment.name}" stopped; winner ${winner.name} promoted` : `Experiment "${experiment.name}" stopped without a winner`,
      before: { status: experiment.status },
      after: { status: 'stopped', winnerVariantId: winner?.id ?? null, endedPromotionIds: ending },
    });
  });
}
