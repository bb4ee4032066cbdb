import type { Job } from '@/lib/jobs/runner';
import { pruneRateLimitHits } from './rate-limit';

const KEEP_MS = 24 * 60 * 60 * 1000; // longer than any limit's window
const BATCH_INTERVAL_MS = 60 * 60 * 1000;

/** Hourly: forgets rate-limit hits older than a day. Any instance may do it; a repeat is harmless. */
export function createRateLimitPruneJob(): Job {
  return {
    name: 'rate_limit_prune',
    pollMs: BATCH_INTERVAL_MS,
    async runBatch({ db }) {
      await pruneRateLimitHits(db, KEEP_MS);
      return { handled: 0 };
    },
  };
}
