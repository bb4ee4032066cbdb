import 'server-only';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { zonedLocalToUtc } from '@/lib/time/zoned';
import { AUDIT_PAGE_SIZE, type AuditFilter } from './schemas';

export interface AuditEntryDto {
  id: number;
  createdAt: Date;
  actorUserId: number | null;
  /** The actor's name as it is now (null once the account is gone). */
  actorName: string | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditFacets {
  actors: { id: number; name: string }[];
  actions: string[];
  entityTypes: string[];
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

/** The day after 'YYYY-MM-DD' (calendar arithmetic in UTC, where no day has 23 or 25 hours). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function conditions(filter: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.actor !== undefined) where.push(eq(auditLog.actorUserId, filter.actor));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  // Days as the shop lives them: midnight to midnight in Amsterdam, both ends included.
  if (filter.from) where.push(gte(auditLog.createdAt, zonedLocalToUtc(`${filter.from}T00:00`)));
  if (filter.to) where.push(lt(auditLog.createdAt, zonedLocalToUtc(`${nextDay(filter.to)}T00:00`)));
  return where.length > 0 ? and(...where) : undefined;
}

/** The audit log, newest first, filtered, one page at a time. Admins only; the log is read-only. */
export async function listAudit(
  db: DbOrTx,
  actor: Actor,
  filter: AuditFilter,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditEntryDto[]; total: number }> {
  assertAdmin(actor);
  const where = conditions(filter);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        createdAt: auditLog.createdAt,
        actorUserId: auditLog.actorUserId,
        actorName: users.name,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        summary: auditLog.summary,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { rows, total };
}

/** What the filters offer: everyone who wrote something, and the actions and entity types that occur. */
export async function getAuditFacets(db: DbOrTx, actor: Actor): Promise<AuditFacets> {
  assertAdmin(actor);
  const [actors, actions, entityTypes] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorUserId))
      .orderBy(users.name, users.id),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db.selectDistinct({ entityType: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
  ]);
  return { actors, actions: actions.map((a) => a.action), entityTypes: entityTypes.map((e) => e.entityType) };
}
