/**
 * Dutch cash rounding ("afronden op 5 cent"): since 2004 Dutch shops round the total paid in CASH to the
 * nearest 5 cents — x1, x2 down and x3, x4 up to x5; x6, x7 down to x5 and x8, x9 up. Card and other
 * electronic payments are never rounded. The rounding is on what is paid in cash (the cash part of a
 * split payment), not per line. https://www.dnb.nl/en/payments/cash-payments/rounding/
 *
 * The one rule used by the counter sale (payments.roundingCents: amountCents = due + rounding), the
 * receipt's "Rounding" line and the till's expected cash.
 */
export interface CashRounding {
  /** What is due in cash before rounding. */
  dueCents: number;
  /** What the customer pays in cash: a multiple of 5. */
  roundedCents: number;
  /** roundedCents − dueCents: −2 … +2. */
  roundingCents: number;
}

export function roundCash(dueCents: number): CashRounding {
  if (!Number.isSafeInteger(dueCents) || dueCents < 0) throw new RangeError('cash due must be a non-negative integer of cents');
  const remainder = dueCents % 5;
  // 1, 2 → down; 3, 4 → up (0 stays).
  const roundingCents = remainder === 0 ? 0 : remainder <= 2 ? -remainder : 5 - remainder;
  return { dueCents, roundedCents: dueCents + roundingCents, roundingCents };
}
