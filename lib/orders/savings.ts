import type { SavingSnapshot } from '@/db/schema';
import type { Saving } from '@/lib/pricing';

/** A saving as the order stores it (receipts and invoices print these, never re-price). */
export function toSavingSnapshot(s: Saving): SavingSnapshot {
  return { source: s.source, promotionId: s.promotionId, scope: s.scope, title: s.title, code: s.code, amountCents: s.amountCents, ...(s.reason ? { reason: s.reason } : {}) };
}
