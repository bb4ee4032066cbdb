import { createCoPurchasesJob } from '@/lib/insight/co-purchases-job';
import { createSegmentsJob } from '@/lib/insight/segments-job';
import { createEventRetentionJob } from '@/lib/insight/retention-job';
import { createDeliveryJob } from '@/lib/notifications/delivery';
import { createReservationExpiryJob } from '@/lib/orders/reservation-expiry';
import { createRateLimitPruneJob } from '@/lib/rate-limit/prune-job';
import { createStoreCreditExpiryJob } from '@/lib/store-credit/expiry-job';
import type { Job } from './runner';

/**
 * The app's background jobs, started once per server process (instrumentation.ts → startJobs). New
 * jobs are listed here. Building them reads their configuration, so a half-configured channel
 * (e.g. SMTP_URL without MAIL_FROM) fails at start-up instead of losing messages later.
 */
export function appJobs(): Job[] {
  return [createDeliveryJob(), createReservationExpiryJob(), createRateLimitPruneJob(), createStoreCreditExpiryJob(), createEventRetentionJob(), createSegmentsJob(), createCoPurchasesJob()];
}
