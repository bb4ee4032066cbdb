import type { Job } from '@/lib/jobs/runner';
import { coPurchasesState, recomputeCoPurchases } from './co-purchases';

const REFRESH_MS = 24 * 60 * 60_000;

/**
 * The co-purchases job (S14): rebuilds product_co_purchases when orders came in since the last build
 * (checked hourly), and daily regardless, so cancellations and returns drop out too. Between builds a
 * product without precomputed pairs is computed live (listOftenBoughtTogether).
 */
export function createCoPurchasesJob(): Job {
  return {
    name: 'co_purchases',
    pollMs: 60 * 60_000,
    runBatch: async ({ db }) => {
      const now = new Date();
      const state = await coPurchasesState(db);
      const stale = state.computedAt === null || now.getTime() - state.computedAt.getTime() >= REFRESH_MS;
      if (state.newerOrders || stale) await recomputeCoPurchases(db, now);
      // Nothing "handled": the runner waits for the next poll instead of rebuilding again at once.
      return { handled: 0 };
    },
  };
}
