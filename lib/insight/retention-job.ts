import type { Job } from '@/lib/jobs/runner';
import { getSetting } from '@/lib/settings/settings';
import { pruneCustomerEvents } from './events';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Daily: deletes customer events older than the analytics retention setting (S13 privacy). One DELETE;
 * any instance may run it, a repeat is harmless.
 */
export function createEventRetentionJob(): Job {
  return {
    name: 'customer_event_retention',
    pollMs: DAY_MS,
    async runBatch({ db }) {
      const { retentionDays } = await getSetting(db, 'analytics');
      return { handled: await pruneCustomerEvents(db, retentionDays) };
    },
  };
}
