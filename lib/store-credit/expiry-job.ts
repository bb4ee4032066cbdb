import type { Job } from '@/lib/jobs/runner';
import { expireStoreCredit, nextStoreCreditExpiry } from './ledger';

/** The job: expires store credit past its date, in batches; woken at the next expiry or hourly. */
export function createStoreCreditExpiryJob(): Job {
  return {
    name: 'store_credit_expiry',
    pollMs: 60 * 60_000,
    runBatch: async ({ db }) => {
      const handled = await expireStoreCredit(db, new Date());
      return { handled, nextDueAt: handled > 0 ? null : await nextStoreCreditExpiry(db) };
    },
  };
}
