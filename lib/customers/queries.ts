import 'server-only';
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerAddresses, customers, locations, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { isCartCodeShaped } from '@/lib/cart-handoff/code';
import { findHandoffCustomer } from '@/lib/cart-handoff/queries';
import { PUBLIC_RATE_LIMITS } from '@/lib/rate-limit/public-limits';
import { takeRateLimit } from '@/lib/rate-limit/rate-limit';
import { classifyLookup, escapeLike } from './lookup';

// Reads of customer profiles for staff. Every function checks the role itself (clerks and admins
// only): the layouts shape the UI, this is the gate.

export interface CustomerSummaryDto {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  loyaltyCardNumber: string | null;
  preferredStore: string | null;
  hasAccount: boolean;
}

export const LOOKUP_LIMIT = 20;
export const CUSTOMER_PAGE_SIZE = 25;

/** Refuses anyone but counter staff (clerks and admins). */
export function assertStaff(actor: Pick<Actor, 'role'> | null): asserts actor is Actor {
  if (!actor) throw new DomainError('unauthenticated');
  if (actor.role !== 'clerk' && actor.role !== 'admin') throw new DomainError('forbidden');
}

/** Profiles that stand for a person: not merged into another one, not erased. */
const live = () => and(isNull(customers.mergedIntoCustomerId), isNull(customers.erasedAt));

const summaryColumns = {
  id: customers.id,
  name: customers.name,
  email: customers.email,
  phone: customers.phone,
  loyaltyCardNumber: customers.loyaltyCardNumber,
  preferredStore: locations.city,
  hasAccount: sql<boolean>`exists (select 1 from users u where u.customer_id = "customers"."id")`,
};

/** The WHERE for one lookup text; a number that is neither a valid phone nor a card yields `phoneInvalid`. */
function lookupCondition(query: string): { where: SQL; phoneInvalid: boolean } {
  const term = classifyLookup(query);
  if (term.kind === 'email') return { where: eq(customers.email, term.email), phoneInvalid: false };
  if (term.kind === 'number') {
    const options = [
      term.card ? eq(customers.loyaltyCardNumber, term.card) : undefined,
      term.phone ? eq(customers.phone, term.phone) : undefined,
    ].filter((c): c is SQL => !!c);
    return { where: options.length ? or(...options)! : sql`false`, phoneInvalid: term.phone === null };
  }
  const pattern = `%${escapeLike(term.text)}%`;
  return { where: or(ilike(customers.name, pattern), ilike(customers.email, pattern))!, phoneInvalid: false };
}

/**
 * The counter's and the admin's lookup: by email (any case), phone in any common Dutch notation, loyalty
 * card number (typed or scanned) or part of a name. Merged and erased profiles are never found.
 * A malformed phone number that is no card either → DomainError('invalidPhoneNumber', field 'q').
 */
export async function searchCustomers(
  db: DbOrTx,
  actor: Actor | null,
  query: string,
): Promise<CustomerSummaryDto[]> {
  assertStaff(actor);
  const byCartCode = await findByCartCode(db, actor, query);
  if (byCartCode) return byCartCode;
  const { where, phoneInvalid } = lookupCondition(query);
  const rows = await db
    .select(summaryColumns)
    .from(customers)
    .leftJoin(locations, eq(locations.id, customers.preferredLocationId))
    .where(and(live(), where))
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(LOOKUP_LIMIT);
  if (rows.length === 0 && phoneInvalid)
    throw new DomainError('invalidPhoneNumber', { value: query.trim().slice(0, 40) }, 'q');
  return rows;
}

/**
 * "The QR of their cart" (S3): a text shaped like a cart code (or the QR's text) that belongs to an open
 * cart of a known customer finds that profile, without spending the code. Code-shaped texts count
 * against the same per-clerk limit as loading a cart; once it is used up, they are looked up as names
 * only (a six-letter surname still works, guessing codes does not). Anything else falls through.
 */
async function findByCartCode(db: DbOrTx, actor: Actor, query: string): Promise<CustomerSummaryDto[] | null> {
  if (!isCartCodeShaped(query)) return null;
  const limit = await takeRateLimit(db, { ...PUBLIC_RATE_LIMITS.handoffLoadPerClerk, key: String(actor.userId) });
  if (!limit.allowed) return null;
  const customerId = await findHandoffCustomer(db, query);
  if (customerId === null) return null;
  const rows = await db
    .select(summaryColumns)
    .from(customers)
    .leftJoin(locations, eq(locations.id, customers.preferredLocationId))
    .where(and(live(), eq(customers.id, customerId)));
  return rows.length ? rows : null;
}

export interface CustomerListRow extends CustomerSummaryDto {
  orderCount: number;
  lastOrderAt: Date | null;
}

/** Admin: every live profile (or those the search finds), by name, a page at a time. */
export async function listCustomers(
  db: DbOrTx,
  actor: Actor | null,
  filter: { q: string; page: number },
): Promise<{ rows: CustomerListRow[]; total: number }> {
  assertStaff(actor);
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  const lookup = filter.q ? lookupCondition(filter.q) : null;
  const where = lookup ? and(live(), lookup.where) : live();
  const [{ total }] = await db.select({ total: count() }).from(customers).where(where);
  if (lookup?.phoneInvalid && total === 0)
    throw new DomainError('invalidPhoneNumber', { value: filter.q.slice(0, 40) }, 'q');
  const rows = await db
    .select({
      ...summaryColumns,
      orderCount: sql<number>`(select count(*)::int from orders o where o.customer_id = "customers"."id")`,
      lastOrderAt: sql<Date | null>`(select max(o.placed_at) from orders o where o.customer_id = "customers"."id")`,
    })
    .from(customers)
    .leftJoin(locations, eq(locations.id, customers.preferredLocationId))
    .where(where)
    .orderBy(asc(customers.name), asc(customers.id))
    .limit(CUSTOMER_PAGE_SIZE)
    .offset((filter.page - 1) * CUSTOMER_PAGE_SIZE);
  return {
    rows: rows.map((r) => ({ ...r, lastOrderAt: r.lastOrderAt ? new Date(r.lastOrderAt) : null })),
    total,
  };
}

export interface CustomerAddressDto {
  id: number;
  label: string | null;
  name: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  isDefault: boolean;
}

export interface CustomerProfileDto extends CustomerSummaryDto {
  preferredLocationId: number | null;
  notifyByEmail: boolean;
  notifyBySms: boolean;
  marketingOptIn: boolean;
  locale: 'nl' | 'en' | null;
  mergedIntoCustomerId: number | null;
  erasedAt: Date | null;
  createdAt: Date;
  account: { disabled: boolean } | null;
  addresses: CustomerAddressDto[];
}

/** One profile with its preferences, account state and address book, or null. No lookup is logged here. */
export async function getCustomerProfileForStaff(
  db: DbOrTx,
  actor: Actor | null,
  customerId: number,
): Promise<CustomerProfileDto | null> {
  assertStaff(actor);
  const [row] = await db
    .select({
      ...summaryColumns,
      preferredLocationId: customers.preferredLocationId,
      notifyByEmail: customers.notifyByEmail,
      notifyBySms: customers.notifyBySms,
      marketingOptIn: customers.marketingOptIn,
      locale: customers.locale,
      mergedIntoCustomerId: customers.mergedIntoCustomerId,
      erasedAt: customers.erasedAt,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .leftJoin(locations, eq(locations.id, customers.preferredLocationId))
    .where(eq(customers.id, customerId));
  if (!row) return null;
  const [account] = await db
    .select({ disabled: users.disabled })
    .from(users)
    .where(eq(users.customerId, customerId));
  const addresses = await db
    .select({
      id: customerAddresses.id,
      label: customerAddresses.label,
      name: customerAddresses.name,
      street: customerAddresses.street,
      postcode: customerAddresses.postcode,
      city: customerAddresses.city,
      country: customerAddresses.country,
      isDefault: customerAddresses.isDefault,
    })
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(asc(customerAddresses.id));
  return { ...row, account: account ?? null, addresses };
}

/** Names of several profiles (for the merge picker's confirmation), live ones only. */
export async function getCustomerSummaries(
  db: DbOrTx,
  actor: Actor | null,
  ids: number[],
): Promise<CustomerSummaryDto[]> {
  assertStaff(actor);
  if (ids.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(customers)
    .leftJoin(locations, eq(locations.id, customers.preferredLocationId))
    .where(and(live(), inArray(customers.id, ids)));
}

/** The stores a preferred store can be (for the admin's edit form). */
export async function listStoreOptions(db: DbOrTx): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(eq(locations.kind, 'store'))
    .orderBy(asc(locations.name));
}
