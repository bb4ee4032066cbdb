/**
 * The audit log on a real database: append-only by a trigger (no UPDATE, no DELETE, whoever asks),
 * and read newest first with filters by actor, action, entity type and Amsterdam days, page by page.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { getAuditFacets, listAudit } from './queries';
import { recordAudit } from './record';
import { auditFilterSchema } from './schemas';

let handle: DbHandle;
let db: Db;
let admin: Actor;
let other: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  admin = await createStaff(db, { role: 'admin', email: 'boss@example.com' });
  other = await createStaff(db, { role: 'admin', email: 'other@example.com' });
});

/** An entry at a given instant (recordAudit stamps now(); these tests need the past). */
async function entryAt(actor: Actor, action: string, entityType: string, at: string) {
  await db.insert(auditLog).values({ actorUserId: actor.userId, actorRole: actor.role, action, entityType, entityId: '1', createdAt: new Date(at) });
}

/** The database's own message for a refused statement (drizzle wraps it as the cause). */
const refusedBy = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: { message: string; cause?: { message?: string } }) => e.cause?.message ?? e.message,
  );

const filter = (input: Record<string, string>) => auditFilterSchema.parse(input);

describe('the audit trigger', () => {
  it('refuses UPDATE and DELETE of any entry; inserts work', async () => {
    await recordAudit(db, admin, { action: 'staff.created', entityType: 'user', entityId: 7, after: { role: 'clerk' } });
    expect(await refusedBy(db.execute(sql`update audit_log set summary = 'rewritten'`))).toMatch(/append-only/);
    expect(await refusedBy(db.execute(sql`delete from audit_log where true`))).toMatch(/append-only/);
    const rows = await db.select().from(auditLog);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ summary: null, action: 'staff.created', after: { role: 'clerk' } });
  });
});

describe('listAudit', () => {
  it('lists newest first with the actor’s name, filtered by actor, action and entity type', async () => {
    await entryAt(admin, 'staff.created', 'user', '2026-11-01T10:00:00Z');
    await entryAt(other, 'product.updated', 'product', '2026-11-02T10:00:00Z');
    await entryAt(admin, 'product.updated', 'product', '2026-11-03T10:00:00Z');

    const all = await listAudit(db, admin, filter({}));
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => [r.action, r.actorName])).toEqual([
      ['product.updated', 'boss'],
      ['product.updated', 'other'],
      ['staff.created', 'boss'],
    ]);
    expect((await listAudit(db, admin, filter({ actor: String(other.userId) }))).total).toBe(1);
    expect((await listAudit(db, admin, filter({ action: 'product.updated' }))).total).toBe(2);
    expect((await listAudit(db, admin, filter({ entityType: 'user', actor: String(admin.userId) }))).total).toBe(1);
    const facets = await getAuditFacets(db, admin);
    expect(facets).toEqual({
      actors: [
        { id: admin.userId, name: 'boss' },
        { id: other.userId, name: 'other' },
      ],
      actions: ['product.updated', 'staff.created'],
      entityTypes: ['product', 'user'],
    });
  });

  it('filters by days in Amsterdam, both ends included', async () => {
    // 23:30 UTC on 1 Nov is 00:30 on 2 Nov in Amsterdam (winter time, UTC+1).
    await entryAt(admin, 'a.late', 'x', '2026-11-01T23:30:00Z');
    await entryAt(admin, 'a.early', 'x', '2026-11-01T22:30:00Z');
    const day = await listAudit(db, admin, filter({ from: '2026-11-02', to: '2026-11-02' }));
    expect(day.rows.map((r) => r.action)).toEqual(['a.late']);
    const first = await listAudit(db, admin, filter({ to: '2026-11-01' }));
    expect(first.rows.map((r) => r.action)).toEqual(['a.early']);
  });

  it('pages, ignores malformed filters, and is for admins only', async () => {
    for (let i = 0; i < 5; i++) await recordAudit(db, admin, { action: 'x.done', entityType: 'x', entityId: i });
    const page2 = await listAudit(db, admin, filter({ page: '2' }), 2);
    expect(page2.total).toBe(5);
    expect(page2.rows.map((r) => r.entityId)).toEqual(['2', '1']);
    expect(filter({ actor: '1e3', action: "x'; drop", from: '2026-13-45', page: '0x10' })).toEqual({
      actor: undefined,
      action: undefined,
      entityType: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
    const clerk = await createStaff(db, { role: 'admin', email: 'c@example.com' });
    await expect(listAudit(db, { ...clerk, role: 'clerk' }, filter({}))).rejects.toThrow('forbidden');
  });
});
