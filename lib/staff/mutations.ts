import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import type { Actor } from '@/lib/identity/queries';
import { issueToken, retireTokens, TOKEN_TTL_MS } from '@/lib/identity/tokens';
import { enqueueNotification } from '@/lib/notifications/outbox';
import { STAFF_ROLES, type CreateStaffInput, type StaffRole, type UpdateStaffInput } from './schemas';

// Staff accounts, written by admins only. A person's password is never chosen or seen by the admin:
// a new account and a reset both get a one-time 'password_reset' link by email (lib/identity/tokens.ts),
// which the ordinary /reset-password page uses up. Role, store, password and deactivation bump
// users.session_version, so the person's open sessions end on their next request (lib/auth/session.ts).

const LINK_MINUTES = TOKEN_TTL_MS.password_reset / 60_000;

type Snapshot = { role: StaffRole; storeId: number | null; disabled: boolean };

interface Target extends Snapshot {
  id: number;
  email: string;
  name: string;
  locale: string | null;
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

/** A password nobody knows: the account cannot be signed into until its link is used. */
async function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}

/**
 * Locks every active admin row, then checks that the actor is still one of them (deactivated or
 * demoted a moment ago by another admin: refused). Taken before any change to an admin, so two admins
 * removing each other at the same moment are serialised and the second sees who is left.
 */
async function lockActiveAdmins(tx: DbOrTx, actor: Actor): Promise<number[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .orderBy(users.id)
    .for('update');
  const ids = rows.map((r) => r.id);
  if (!ids.includes(actor.userId)) throw new DomainError('forbidden');
  return ids;
}

/** The staff account, locked for this transaction; a customer's account is not found here. */
async function lockTarget(tx: DbOrTx, userId: number): Promise<Target> {
  const [row] = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, role: users.role, storeId: users.locationId, disabled: users.disabled })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, [...STAFF_ROLES])))
    .for('update');
  if (!row) throw new DomainError('notFound');
  return row as Target;
}

/** A clerk works at one store (a store, not the warehouse); an admin at none. */
async function storeFor(tx: DbOrTx, role: StaffRole, storeId: number | undefined): Promise<number | null> {
  if (role === 'admin') return null;
  if (storeId === undefined) throw new DomainError('staff.storeRequired', {}, 'storeId');
  const [store] = await tx.select({ id: locations.id }).from(locations).where(and(eq(locations.id, storeId), eq(locations.kind, 'store')));
  if (!store) throw new DomainError('staff.storeUnknown', {}, 'storeId');
  return store.id;
}

const snapshot = (t: Snapshot): Snapshot => ({ role: t.role, storeId: t.storeId, disabled: t.disabled });

/** Mails the one-time link that lets the person choose a password (a new account or a reset). */
async function mailPasswordLink(tx: DbOrTx, target: Pick<Target, 'id' | 'email' | 'name'>, kind: 'staff_invite' | 'password_reset', locale: Locale) {
  const { id, token } = await issueToken(tx, { userId: target.id, email: target.email, purpose: 'password_reset' });
  await enqueueNotification(tx, {
    causeKey: `staff-${kind}:${id}`,
    channel: 'email',
    recipient: target.email,
    templateKey: kind,
    locale,
    payload: { name: target.name, resetUrl: `/reset-password?token=${token}`, expiresInMinutes: LINK_MINUTES },
  });
}

/**
 * Creates a clerk (with their store) or an admin, and mails them a link to choose their password, in
 * one transaction: the account, the link, the mail and the audit entry exist together or not at all.
 */
export async function createStaff(db: DbOrTx, input: CreateStaffInput, actor: Actor, options: { locale: Locale }): Promise<{ userId: number }> {
  assertAdmin(actor);
  const passwordHash = await unusablePasswordHash();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (taken) throw new DomainError('staff.emailTaken', {}, 'email');
    const storeId = await storeFor(tx, input.role, input.storeId);
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: input.role, locationId: storeId, locale: options.locale })
      .onConflictDoNothing()
      .returning({ id: users.id });
    // Created by someone else a moment ago (the unique index decides).
    if (!row) throw new DomainError('staff.emailTaken', {}, 'email');
    await mailPasswordLink(tx, { id: row.id, email: input.email, name: input.name }, 'staff_invite', options.locale);
    await recordAudit(tx, actor, {
      action: 'staff.created',
      entityType: 'user',
      entityId: row.id,
      summary: `${input.role === 'admin' ? 'Admin' : 'Clerk'} account created; password link sent`,
      after: { role: input.role, storeId, disabled: false },
    });
    return { userId: row.id };
  });
}

/**
 * Changes a staff member's role and store. An admin cannot demote themselves, and the last active
 * admin stays an admin. A change ends the person's sessions; no change writes nothing.
 */
export async function updateStaff(db: DbOrTx, input: UpdateStaffInput, actor: Actor): Promise<{ changed: boolean }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor);
    const target = await lockTarget(tx, input.userId);
    const storeId = await storeFor(tx, input.role, input.storeId);
    const after: Snapshot = { role: input.role, storeId, disabled: target.disabled };
    if (target.role === after.role && target.storeId === after.storeId) return { changed: false };
    if (target.role === 'admin' && input.role !== 'admin') {
      if (target.id === actor.userId) throw new DomainError('staff.cannotDemoteSelf', {}, 'role');
      if (!target.disabled && admins.filter((id) => id !== target.id).length === 0) throw new DomainError('staff.lastAdmin', {}, 'role');
    }
    await tx
      .update(users)
      .set({ role: after.role, locationId: storeId, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    const before = snapshot(target);
    await recordAudit(tx, actor, {
      action: 'staff.updated',
      entityType: 'user',
      entityId: target.id,
      summary: before.role !== after.role ? `Role ${before.role} → ${after.role}` : 'Store changed',
      before,
      after,
    });
    return { changed: true };
  });
}

/**
 * Sends a staff member a new one-time link to choose a password. The old password stops working and
 * every session ends at once (a reset is often because of a leak); earlier links stop working.
 */
export async function resetStaffPassword(db: DbOrTx, input: { userId: number }, actor: Actor, options: { locale: Locale }): Promise<void> {
  assertAdmin(actor);
  const passwordHash = await unusablePasswordHash();
  await db.transaction(async (tx) => {
    const target = await lockTarget(tx, input.userId);
    if (target.disabled) throw new DomainError('staff.disabled');
    await retireTokens(tx, target.id, ['password_reset']);
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    await mailPasswordLink(tx, target, 'password_reset', (target.locale as Locale | null) ?? options.locale);
    await recordAudit(tx, actor, {
      action: 'staff.password_reset',
      entityType: 'user',
      entityId: target.id,
      summary: 'Password reset; one-time link sent',
      // The password itself is never in the log; only that it changed.
      before: { password: 'set' },
      after: { password: 'link sent' },
    });
  });
}

/**
 * Deactivates (disabled = true) or reactivates a staff account. Deactivating ends every session at
 * once and voids open password links; an admin cannot deactivate themselves, nor the last active admin.
 */
export async function setStaffDisabled(db: DbOrTx, input: { userId: number; disabled: boolean }, actor: Actor): Promise<{ changed: boolean }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, actor);
    const target = await lockTarget(tx, input.userId);
    if (target.disabled === input.disabled) return { changed: false };
    if (input.disabled) {
      if (target.id === actor.userId) throw new DomainError('staff.cannotDeactivateSelf');
      if (target.role === 'admin' && admins.filter((id) => id !== target.id).length === 0) throw new DomainError('staff.lastAdmin');
      await retireTokens(tx, target.id, ['password_reset']);
    }
    await tx
      .update(users)
      .set({
        disabled: input.disabled,
        ...(input.disabled ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
        updatedAt: new Date(),
      })
      .where(eq(users.id, target.id));
    await recordAudit(tx, actor, {
      action: input.disabled ? 'staff.deactivated' : 'staff.reactivated',
      entityType: 'user',
      entityId: target.id,
      summary: input.disabled ? 'Account deactivated; sessions ended' : 'Account reactivated',
      before: snapshot(target),
      after: { ...snapshot(target), disabled: input.disabled },
    });
    return { changed: true };
  });
}
