import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { locations } from './locations';

export const userRole = pgEnum('user_role', ['customer', 'clerk', 'admin']);
/** Who a customer is to the shop (S14): see customer_segments. */
export const customerSegment = pgEnum('customer_segment', ['web_only', 'store_only', 'omnichannel', 'new', 'loyal', 'lapsed']);

/**
 * A customer profile: it can exist without an account (created at the counter or by a guest checkout);
 * when that person signs up with the same email the profile becomes theirs.
 */
export const customers = pgTable(
  'customers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text(),
    phone: text(),
    name: text().notNull(),
    loyaltyCardNumber: text(),
    preferredLocationId: integer().references(() => locations.id, { onDelete: 'set null' }),
    notifyByEmail: boolean().notNull().default(true),
    notifyBySms: boolean().notNull().default(false),
    marketingOptIn: boolean().notNull().default(false),
    // The language messages to this person are written in (guests and counter profiles have no account).
    locale: text().$type<'nl' | 'en'>(),
    // Merged into another profile of the same person: this one keeps no history and is not found.
    mergedIntoCustomerId: integer(),
    // GDPR erase: personal data replaced, accounting records kept.
    erasedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    // Emails are stored lower-case (see lib/customers); one profile per email.
    uniqueIndex('customers_email_idx').on(t.email),
    uniqueIndex('customers_loyalty_card_number_idx').on(t.loyaltyCardNumber),
    index('customers_phone_idx').on(t.phone),
  ],
);

/** A customer's saved addresses (the default one prefills checkout). */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    label: text(),
    name: text().notNull(),
    street: text().notNull(),
    postcode: text().notNull(),
    city: text().notNull(),
    country: text().notNull().default('NL'),
    isDefault: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('customer_addresses_customer_id_idx').on(t.customerId),
    uniqueIndex('customer_addresses_one_default_idx').on(t.customerId).where(sql`${t.isDefault}`),
  ],
);

/** Accounts that can sign in. A clerk belongs to exactly one store; a customer account owns one profile. */
export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: userRole().notNull().default('customer'),
    locationId: integer().references(() => locations.id, { onDelete: 'restrict' }),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    locale: text(),
    disabled: boolean().notNull().default(false),
    // Bumped when a role, store or password changes, and on sign-out: older session tokens stop working at once.
    sessionVersion: integer().notNull().default(0),
    // Set once the person proved they receive mail at `email` (a verification link); until then a
    // customer profile with the same email (a guest's or the counter's) is not theirs.
    emailVerifiedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_idx').on(t.email),
    uniqueIndex('users_customer_id_idx').on(t.customerId),
    check('users_clerk_has_store', sql`${t.role} <> 'clerk' or ${t.locationId} is not null`),
  ],
);

/** Failed sign-in attempts, shared by all app instances (Auth.js has no rate limiting of its own). */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    key: text().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempts_key_idx').on(t.key, t.attemptedAt)],
);

/**
 * Single-use, expiring proofs that someone receives mail at an address (only a hash of the token is
 * stored). Purpose 'claim_profile': proving it links the existing profile with that email (and its
 * history) to the account.
 */
export const emailVerificationTokens = pgTable(
  'email_verification_tokens',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    purpose: text().$type<'verify_email' | 'claim_profile' | 'password_reset'>().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('email_verification_tokens_token_hash_idx').on(t.tokenHash),
    index('email_verification_tokens_user_id_idx').on(t.userId),
    check('email_verification_tokens_purpose', sql`${t.purpose} in ('verify_email', 'claim_profile', 'password_reset')`),
  ],
);

/**
 * One row per counted event of a rate limit (sign-in attempts, anonymous checkouts, code entries…),
 * shared by every app instance. `bucket` names the limit, `key` whom it counts (an email, an address).
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    bucket: text().notNull(),
    key: text().notNull(),
    hitAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_hits_bucket_key_idx').on(t.bucket, t.key, t.hitAt)],
);

export type Customer = typeof customers.$inferSelect;
export type CustomerAddress = typeof customerAddresses.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
