import type { DbOrTx } from '@/db/client';
import type { ReturnCondition } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { RefundDestination, ReturnLineInput, ReturnMethod } from './types';

// Mutations throw DomainError with an `errors.*` code (the action wrapper turns it into a localized
// ActionState); each runs in one transaction and changes nothing when it fails.

export interface CreateReturnInput {
  orderId: string;
  method: ReturnMethod;
  /** The counter's store (counter) or the warehouse (post, when known); null for "in a store" online. */
  locationId: number | null;
  lines: ReturnLineInput[];
  /** A counter return: received (and restocked / written off) at once. */
  receiveNow: boolean;
  actor: Actor;
  idempotencyKey: string;
  /** Outside the window: admins only, recorded in the audit log. */
  windowOverride?: { reason: string };
  note?: string | null;
  now?: Date;
}

export async function createReturn(db: DbOrTx, input: CreateReturnInput): Promise<{ returnId: string; number: string }> {
  void db; void input;
  throw new DomainError('notImplemented');
}

export async function markReturnInTransit(db: DbOrTx, input: { returnId: string; actor: Actor }): Promise<{ number: string }> {
  void db; void input;
  throw new DomainError('notImplemented');
}

export interface ReceiveReturnInput {
  returnId: string;
  locationId: number;
  conditions: { returnLineId: number; condition: ReturnCondition }[];
  actor: Actor;
}

export async function receiveReturn(db: DbOrTx, input: ReceiveReturnInput): Promise<{ number: string }> {
  void db; void input;
  throw new DomainError('notImplemented');
}

export async function cancelReturn(db: DbOrTx, input: { returnId: string; actor: Actor }): Promise<{ number: string }> {
  void db; void input;
  throw new DomainError('notImplemented');
}

export interface RefundReturnInput {
  returnId: string;
  to: RefundDestination;
  /** Cash: the till whose drawer pays it out. */
  tillSessionId?: number | null;
  actor: Actor;
  idempotencyKey: string;
  now?: Date;
}

export interface RefundReturnResult {
  refunds: { id: string; method: string; amountCents: number; status: 'pending' | 'succeeded' | 'failed' }[];
  creditNote: { id: number; number: string } | null;
  storeCreditIssuedCents: number;
  pointsReversed: number;
}

export async function refundReturn(db: DbOrTx, input: RefundReturnInput): Promise<RefundReturnResult> {
  void db; void input;
  throw new DomainError('notImplemented');
}

export interface ExchangeInput {
  orderId: string;
  returnLines: ReturnLineInput[];
  replacements: { variantId: number; quantity: number; replacesOrderLineId?: number }[];
  locationId: number;
  tillSessionId: number | null;
  actor: Actor;
  idempotencyKey: string;
  now?: Date;
}

export async function exchangeAtCounter(
  db: DbOrTx,
  input: ExchangeInput,
): Promise<{ returnId: string; number: string; exchangeOrderId: string; exchangeOrderNumber: string; differenceCents: number }> {
  void db; void input;
  throw new DomainError('notImplemented');
}
