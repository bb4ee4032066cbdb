import type { DbOrTx } from '@/db/client';
import type { VatLineSnapshot } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/** Credit notes ('C', creditnota): their own gapless series beside the invoices' 'F'. */
export const CREDIT_NOTE_SERIES = 'C';

export interface CreditNoteLineInput {
  /** Positive: what is credited for these units (VAT included). */
  refundCents: number;
  vatRateBp: number;
  vatCents: number;
}

export interface IssueCreditNoteInput {
  orderId: string;
  /** The return refunded; null for the full refund of a cancelled paid order (all lines + shipping). */
  returnId: string | null;
  /** Omitted with returnId null: every line of the order as invoiced. */
  lines?: CreditNoteLineInput[];
  /** Positive shipping credited (at the standard rate, as on the invoice). */
  shippingCents: number;
  now?: Date;
}

export interface IssuedCreditNote {
  id: number;
  number: string;
  orderId: string;
  returnId: string | null;
  correctsInvoiceId: number;
  correctsInvoiceNumber: string;
  issuedAt: Date;
  /** Negative. */
  totalCents: number;
  /** Negative. */
  vatCents: number;
  vatBreakdown: VatLineSnapshot[];
}

/**
 * Issues a credit note in the caller's transaction (idempotent per return; per order for a cancelled
 * order's full refund): its own gapless series, negative amounts, the VAT per rate of what is credited,
 * correcting the order's invoice (issued first when the order has none yet).
 */
export async function issueCreditNote(tx: DbOrTx, input: IssueCreditNoteInput): Promise<IssuedCreditNote> {
  void tx; void input;
  throw new DomainError('notImplemented');
}
