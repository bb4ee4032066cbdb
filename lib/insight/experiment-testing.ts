// Experiment fixtures for the security world (imported by tests only; never by app code).
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/identity/queries';
import { createPromotionRow } from '@/lib/testing/fixtures';
import { createExperiment } from './experiment-mutations';

/**
 * A draft experiment (its arm never prices: drafts are gated) for start/stop, and a promotion on
 * nothing in the world's carts that a new experiment can use without overlapping it.
 */
export async function createExperimentThings(db: DbOrTx, admin: Actor) {
  const arm = await createPromotionRow(db, { name: 'Experiment arm', kind: 'percentage', value: 15, target: 'category', targetId: 900_001 });
  const spare = await createPromotionRow(db, { name: 'Spare arm', kind: 'fixed_amount', value: 500, target: 'category', targetId: 900_002 });
  const experimentId = await createExperiment(db, { name: 'World experiment', variants: [{ promotionId: arm.id, weightPercent: 50 }, { promotionId: null, weightPercent: 50 }] }, admin);
  return { experimentId, sparePromotionId: spare.id };
}
