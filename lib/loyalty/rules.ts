// Pure loyalty arithmetic (no database): what an order earns and what points are worth.

export interface LoyaltyRates {
  pointsPerEuro: number;
  redeemStepPoints: number;
  redeemStepCents: number;
}

/**
 * Points for a paid order: `pointsPerEuro` per WHOLE euro of goods paid — the total less shipping and
 * less the part paid with points (points never earn points). Never negative.
 */
export function pointsEarned(
  order: { totalCents: number; shippingCents: number; paidWithPointsCents: number },
  rates: Pick<LoyaltyRates, 'pointsPerEuro'>,
): number {
  const goodsPaid = order.totalCents - order.shippingCents - order.paidWithPointsCents;
  if (goodsPaid <= 0) return 0;
  return Math.floor(goodsPaid / 100) * rates.pointsPerEuro;
}

/** What `points` pay, in cents; only whole steps are worth anything (see isWholeSteps). */
export function pointsValueCents(
  points: number,
  rates: Pick<LoyaltyRates, 'redeemStepPoints' | 'redeemStepCents'>,
): number {
  return Math.floor(points / rates.redeemStepPoints) * rates.redeemStepCents;
}

export function isWholeSteps(points: number, rates: Pick<LoyaltyRates, 'redeemStepPoints'>): boolean {
  return Number.isSafeInteger(points) && points > 0 && points % rates.redeemStepPoints === 0;
}

/**
 * The most points that may be redeemed now: whole steps, no more than the balance, and worth no more
 * than what is still due on the order.
 */
export function maxRedeemablePoints(
  balance: number,
  dueCents: number,
  rates: Pick<LoyaltyRates, 'redeemStepPoints' | 'redeemStepCents'>,
): number {
  const steps = Math.min(
    Math.floor(Math.max(balance, 0) / rates.redeemStepPoints),
    Math.floor(Math.max(dueCents, 0) / rates.redeemStepCents),
  );
  return steps * rates.redeemStepPoints;
}
