import 'server-only';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import type { ListReturnsFilter, ReturnableOrderDto, ReturnListPage, ReturnSummary, ReturnViewDto } from './types';

export type * from './types';

/** The order as the return screens need it: returnable lines, window, payments and earlier returns. Null for an unknown order. */
export async function getReturnableOrder(db: DbOrTx, orderId: string, now: Date = new Date()): Promise<ReturnableOrderDto | null> {
  void db; void orderId; void now;
  throw new DomainError('notImplemented');
}

/** An order id for an order number (W-/S-…), an RMA number (R-…) or what a barcode scanner types; null when nothing matches. */
export async function findOrderForReturn(db: DbOrTx, text: string): Promise<string | null> {
  void db; void text;
  throw new DomainError('notImplemented');
}

export async function getReturnView(db: DbOrTx, returnId: string): Promise<ReturnViewDto | null> {
  void db; void returnId;
  throw new DomainError('notImplemented');
}

export async function getReturnByNumber(db: DbOrTx, number: string): Promise<ReturnViewDto | null> {
  void db; void number;
  throw new DomainError('notImplemented');
}

export async function listReturns(db: DbOrTx, filter: ListReturnsFilter = {}): Promise<ReturnListPage> {
  void db; void filter;
  throw new DomainError('notImplemented');
}

export async function listReturnsForOrder(db: DbOrTx, orderId: string): Promise<ReturnSummary[]> {
  void db; void orderId;
  throw new DomainError('notImplemented');
}
