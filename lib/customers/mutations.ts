import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { carts, customerAddresses, customers, notifications, orders, users } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import { mergeAfterSales, mergeConversation } from '@/lib/identity/profile-merge';
import { recomputeCustomerSegments } from '@/lib/insight/segments';
import { mergeLoyalty } from '@/lib/loyalty/ledger';
import type { Actor } from '@/lib/identity/queries';
import { assertStaff, type CustomerSummaryDto } from './queries';
import type { CreateCustomerInput, UpdateCustomerInput } from './schemas';

// Writes on customer profiles by staff. Each one runs in one transaction with its audit row; personal
// data never goes into the audit log (the changed fields are named instead), so an erase never needs
// to edit it.

function assertAdmin(actor: Actor | null): asserts actor is Actor {
  assertStaff(actor);
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

/** The profile row, locked for this transaction; notFound when missing, merged or erased. */
async function lockLive(tx: DbOrTx, customerId: number, field?: string) {
  const [row] = await tx.select().from(customers).where(eq(customers.id, customerId)).for('update');
  if (!row || row.mergedIntoCustomerId !== null || row.erasedAt !== null)
    throw new DomainError('notFound', {}, field);
  return row;
}

/** Records that `actor` opened this customer's panel or detail page (who looked up whom, when). */
export async function recordCustomerLookup(tx: DbOrTx, actor: Actor, customerId: number): Promise<void> {
  await recordAudit(tx, actor, {
    action: 'customer.looked_up',
    entityType: 'customer',
    entityId: customerId,
  });
}

/**
 * "New customer" at the counter: a profile on the spot. An email that already has a profile (or, without
 * an email, a phone that does) is never duplicated: that profile comes back with `existing: true`.
 */
export async function createCustomer(
  db: DbOrTx,
  input: CreateCustomerInput,
  actor: Actor,
): Promise<{ customer: Pick<CustomerSummaryDto, 'id' | 'name'>; existing: boolean }> {
  assertStaff(actor);
  return db.transaction(async (tx) => {
    const live = and(isNull(customers.mergedIntoCustomerId), isNull(customers.erasedAt));
    const match = input.email
      ? eq(customers.email, input.email)
      : and(eq(customers.phone, input.phone!), live);
    const [found] = await tx
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(match)
      .limit(1);
    if (found) return { customer: found, existing: true };
    const [created] = await tx
      .insert(customers)
      .values({
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        preferredLocationId: actor.locationId,
        notifyBySms: !!input.phone && !input.email,
      })
      .onConflictDoNothing({ target: customers.email })
      .returning({ id: customers.id, name: customers.name });
    if (!created) {
      // Someone created the same email a moment ago: offer theirs.
      const [raced] = await tx
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(eq(customers.email, input.email!));
      return { customer: raced, existing: true };
    }
    await recordAudit(tx, actor, {
      action: 'customer.created',
      entityType: 'customer',
      entityId: created.id,
      summary: 'Profile created at the counter',
    });
    return { customer: created, existing: false };
  });
}

/** The admin's edit: name, email, phone and preferences. An email of another profile is refused. */
export async function updateCustomer(
  db: DbOrTx,
  input: UpdateCustomerInput,
  actor: Actor,
): Promise<{ changed: string[] }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const row = await lockLive(tx, input.customerId);
    const next = {
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      preferredLocationId: input.preferredLocationId ?? null,
      locale: input.locale ?? null,
      notifyByEmail: input.notifyByEmail,
      notifyBySms: input.notifyBySms,
      marketingOptIn: input.marketingOptIn,
    };
    if (next.email && next.email !== row.email) {
      const [taken] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.email, next.email), ne(customers.id, row.id)));
      if (taken) throw new DomainError('customers.emailTaken', {}, 'email');
    }
    const { changed, before, after } = changedFields(row as unknown as Record<string, unknown>, next);
    if (changed.length === 0) return { changed };
    try {
      await tx
        .update(customers)
        .set({ ...next, updatedAt: sql`now()` })
        .where(eq(customers.id, row.id));
    } catch {
      throw new DomainError('customers.emailTaken', {}, 'email'); // lost a race for the same email
    }
    // Preferences may be logged with their values; personal data only by field name.
    const personal = new Set(['name', 'email', 'phone']);
    const pick = (o: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !personal.has(k)));
    await recordAudit(tx, actor, {
      action: 'customer.updated',
      entityType: 'customer',
      entityId: row.id,
      summary: `Changed ${changed.join(', ')}`,
      before: { ...pick(before), fields: changed },
      after: pick(after),
    });
    return { changed };
  });
}

export interface MergeResult {
  orders: number;
  loyaltyEntries: number;
  pointsMoved: number;
  addresses: number;
  carts: number;
  accountMoved: boolean;
}

/**
 * Merges two profiles of one person: orders, loyalty entries and balance (summed), the conversation,
 * carts, addresses, notifications and the account move to `keepId`; `mergeId` keeps nothing, points to
 * the kept profile and is no longer found. Two profiles that each have an account cannot be merged
 * (an account owns one profile): DomainError 'customers.bothHaveAccounts'.
 */
export async function mergeCustomers(
  db: DbOrTx,
  input: { keepId: number; mergeId: number },
  actor: Actor,
): Promise<MergeResult> {
  assertAdmin(actor);
  if (input.keepId === input.mergeId) throw new DomainError('invalidState');
  return db.transaction(async (tx) => {
    // Lock in id order so two merges of the same pair cannot deadlock.
    const [first, second] = [input.keepId, input.mergeId].sort((a, b) => a - b);
    const locked = new Map([
      [first, await lockLive(tx, first)],
      [second, await lockLive(tx, second)],
    ]);
    const keep = locked.get(input.keepId)!;
    const gone = locked.get(input.mergeId)!;
    const accounts = await tx
      .select({ id: users.id, customerId: users.customerId })
      .from(users)
      .where(sql`${users.customerId} in (${keep.id}, ${gone.id})`);
    if (accounts.length > 1) throw new DomainError('customers.bothHaveAccounts');

    const moved = await tx
      .update(orders)
      .set({ customerId: keep.id })
      .where(eq(orders.customerId, gone.id))
      .returning({ id: orders.id });
    const movedCarts = await tx
      .update(carts)
      .set({ customerId: keep.id })
      .where(eq(carts.customerId, gone.id))
      .returning({ id: carts.id });
    await tx.update(notifications).set({ customerId: keep.id }).where(eq(notifications.customerId, gone.id));
    await mergeConversation(tx, gone.id, keep.id);

    // Points: lib/loyalty moves the entries and adds the balance (balance = sum of entries on both sides).
    const [{ entries, points }] = await tx
      .select({
        entries: sql<number>`(select count(*)::int from loyalty_entries where customer_id = ${gone.id})`,
        points: sql<number>`coalesce((select balance from loyalty_accounts where customer_id = ${gone.id}), 0)::int`,
      })
      .from(sql`(select 1) as one`);
    await mergeLoyalty(tx, gone.id, keep.id);
    await mergeAfterSales(tx, gone.id, keep.id);

    // Addresses: the kept profile's default stays the default.
    const [keepDefault] = await tx
      .select({ id: customerAddresses.id })
      .from(customerAddresses)
      .where(and(eq(customerAddresses.customerId, keep.id), eq(customerAddresses.isDefault, true)));
    if (keepDefault)
      await tx
        .update(customerAddresses)
        .set({ isDefault: false })
        .where(eq(customerAddresses.customerId, gone.id));
    const addresses = await tx
      .update(customerAddresses)
      .set({ customerId: keep.id })
      .where(eq(customerAddresses.customerId, gone.id))
      .returning({ id: customerAddresses.id });

    const accountMoved = accounts.length === 1 && accounts[0].customerId === gone.id;
    // The merged profile gives up its unique keys first, so the kept one can take what it lacks.
    await tx
      .update(customers)
      .set({ mergedIntoCustomerId: keep.id, email: null, loyaltyCardNumber: null, updatedAt: sql`now()` })
      .where(eq(customers.id, gone.id));
    if (accountMoved) await tx.update(users).set({ customerId: keep.id }).where(eq(users.id, accounts[0].id));
    await tx
      .update(customers)
      .set({
        email: keep.email ?? gone.email,
        phone: keep.phone ?? gone.phone,
        loyaltyCardNumber: keep.loyaltyCardNumber ?? gone.loyaltyCardNumber,
        preferredLocationId: keep.preferredLocationId ?? gone.preferredLocationId,
        updatedAt: sql`now()`,
      })
      .where(eq(customers.id, keep.id));
    // S14: the kept profile's segments now cover both histories; the merged one has no orders left.
    await recomputeCustomerSegments(tx, keep.id);
    await recomputeCustomerSegments(tx, gone.id);

    const result: MergeResult = {
      orders: moved.length,
      loyaltyEntries: Number(entries),
      pointsMoved: Number(points),
      addresses: addresses.length,
      carts: movedCarts.length,
      accountMoved,
    };
    await recordAudit(tx, actor, {
      action: 'customer.merged',
      entityType: 'customer',
      entityId: keep.id,
      summary: `Profile #${gone.id} merged into #${keep.id}`,
      after: { mergedCustomerId: gone.id, ...result },
    });
    return result;
  });
}
