import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './identity';

/**
 * Every admin and staff write (and every customer lookup by a clerk): who, what, when, and before/after
 * where it matters. Append-only: the migration installs a trigger that refuses UPDATE and DELETE.
 * Personal data stays out of `before`/`after` (name the changed fields instead), so a GDPR erase never
 * needs to edit this log.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    actorRole: text().notNull(),
    // Dotted verb, e.g. 'product.updated', 'staff.deactivated', 'customer.looked_up'.
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    summary: text(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.createdAt),
    index('audit_log_created_at_idx').on(t.createdAt),
    index('audit_log_actor_user_id_idx').on(t.actorUserId, t.createdAt),
    index('audit_log_action_idx').on(t.action, t.createdAt),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
