import type { DbOrTx } from '@/db/client';
import type { StoreCreditEntryKind } from '@/db/schema';
import { DomainError } from '@/lib/errors';

export interface StoreCreditEntryDto {
  id: number;
  kind: StoreCreditEntryKind;
  amountCents: number;
  orderId: string | null;
  orderNumber: string | null;
  expiresAt: Date | null;
  remainingCents: number | null;
  reason: string | null;
  createdAt: Date;
}

export interface IssueStoreCreditInput {
  customerId: number;
  amountCents: number;
  orderId?: string | null;
  refundId?: string | null;
  actorUserId?: number | null;
  reason?: string | null;
  idempotencyKey: string;
  /** Default: now + the `returns.storeCreditExpiryMonths` setting (0 = never). */
  expiresAt?: Date | null;
  now?: Date;
}

export interface SpendStoreCreditInput {
  customerId: number;
  amountCents: number;
  orderId: string | null;
  idempotencyKey: string;
  actorUserId?: number | null;
}

/** The customer's store-credit balance in cents (0 without an account). */
export async function getStoreCreditBalance(db: DbOrTx, customerId: number): Promise<number> {
  void db; void customerId;
  throw new DomainError('notImplemented');
}

/** The customer's ledger, newest first. */
export async function listStoreCreditEntries(db: DbOrTx, customerId: number, options: { limit?: number } = {}): Promise<StoreCreditEntryDto[]> {
  void db; void customerId; void options;
  throw new DomainError('notImplemented');
}

/** Adds store credit (idempotent per key). Run in the caller's transaction. */
export async function issueStoreCredit(tx: DbOrTx, input: IssueStoreCreditInput): Promise<{ entryId: number; balanceCents: number }> {
  void tx; void input;
  throw new DomainError('notImplemented');
}

/** Spends store credit (idempotent per key): one conditional UPDATE, never below 0. Errors: storeCreditInsufficient {balance}. */
export async function spendStoreCredit(tx: DbOrTx, input: SpendStoreCreditInput): Promise<{ entryId: number; balanceCents: number }> {
  void tx; void input;
  throw new DomainError('notImplemented');
}

/** Gives store credit back that was spent (a refund to store credit of a store-credit payment). */
export async function restoreStoreCredit(tx: DbOrTx, input: IssueStoreCreditInput): Promise<{ entryId: number; balanceCents: number }> {
  void tx; void input;
  throw new DomainError('notImplemented');
}

/** Expires the unspent part of credit past its expiry date; returns how many issues expired. */
export async function expireStoreCredit(db: DbOrTx, now: Date = new Date()): Promise<number> {
  void db; void now;
  throw new DomainError('notImplemented');
}
