import type { Job } from '@/lib/jobs/runner';
import { recomputeAllSegments } from './segments';

/**
 * The segments job (S14): a purchase recomputes its customer at once; this catches what only time
 * changes — a customer lapses after 180 days without an order, and stops being new after 30. Every
 * few hours is plenty for day-sized rules. It reports nothing handled, so the runner does not run a
 * second full pass right away (the pass itself writes only the customers whose segments changed).
 */
export function createSegmentsJob(): Job {
  return {
    name: 'customer_segments',
    pollMs: 6 * 60 * 60_000,
    runBatch: async ({ db }) => {
      await recomputeAllSegments(db, new Date());
      return { handled: 0 };
    },
  };
}
