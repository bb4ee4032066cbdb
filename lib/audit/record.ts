import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';

export interface AuditInput {
  /** Dotted verb: '<entity>.<past tense>', e.g. 'product.updated', 'staff.deactivated', 'customer.looked_up'. */
  action: string;
  entityType: string;
  entityId: string | number;
  /** One line a person reads in the log, e.g. "Price of SKU-123 € 89,95 → € 79,95". */
  summary?: string;
  /** The fields that changed, before and after (no personal data: name the field, leave out the value). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * Records one admin or staff write (or a clerk's customer lookup) in the append-only audit log, in the
 * caller's transaction: the entry exists exactly when the write does. Every mutation an admin or clerk
 * performs calls this once.
 */
export async function recordAudit(tx: DbOrTx, actor: Pick<Actor, 'userId' | 'role'>, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    summary: input.summary ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

/** The fields whose values differ between two snapshots, as { before, after } holding only those fields. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a, changed: Object.keys(a) };
}
