import { roundDiv } from './rounding';
import type { Channel, PriceLineInput, PromotionCandidate, PromotionStatus } from './types';

/** Codes compare case-insensitively and ignore surrounding spaces. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The promotion's normalized code, or null when it applies without a code (null or blank). */
export function promotionCode(p: Pick<PromotionCandidate, 'code'>): string | null {
  if (p.code === null) return null;
  const code = normalizeCode(p.code);
  return code === '' ? null : code;
}

/** Active in the half-open window [startsAt, endsAt); a null bound is open-ended. */
export function isPromotionActive(p: Pick<PromotionCandidate, 'startsAt' | 'endsAt'>, now: Date): boolean {
  const t = now.getTime();
  if (p.startsAt !== null && t < p.startsAt.getTime()) return false;
  if (p.endsAt !== null && t >= p.endsAt.getTime()) return false;
  return true;
}

/** For admin lists: before the window 'scheduled', inside it 'active', at/after its end 'ended'. */
export function promotionStatus(p: Pick<PromotionCandidate, 'startsAt' | 'endsAt'>, now: Date): PromotionStatus {
  if (p.endsAt !== null && now.getTime() >= p.endsAt.getTime()) return 'ended';
  if (p.startsAt !== null && now.getTime() < p.startsAt.getTime()) return 'scheduled';
  return 'active';
}

/** null or [] = every channel: promotions are omnichannel unless deliberately restricted. */
export function promotionAppliesToChannel(p: Pick<PromotionCandidate, 'channels'>, channel: Channel): boolean {
  return p.channels === null || p.channels.length === 0 || p.channels.includes(channel);
}

/** Whether the promotion's target covers the line. A non-'all' target with a null targetId covers nothing. */
export function promotionTargetsLine(
  p: Pick<PromotionCandidate, 'target' | 'targetId'>,
  line: Pick<PriceLineInput, 'variantId' | 'productId' | 'categoryId'>,
): boolean {
  switch (p.target) {
    case 'all':
      return true;
    case 'category':
      return p.targetId !== null && p.targetId === line.categoryId;
    case 'product':
      return p.targetId !== null && p.targetId === line.productId;
    case 'variant':
      return p.targetId !== null && p.targetId === line.variantId;
  }
}

/**
 * Whether the value is one the schema allows (percentage: integer 1..100; fixed_amount: integer
 * >= 1 cent). A malformed row is never a candidate, so bad data cannot produce a negative price.
 */
export function isPromotionValueValid(p: Pick<PromotionCandidate, 'kind' | 'value'>): boolean {
  if (!Number.isInteger(p.value) || p.value < 1) return false;
  return p.kind === 'fixed_amount' || p.value <= 100;
}

/**
 * Discount in cents for the whole line, rounded once:
 * percentage → round(unit × qty × value / 100) (half away from zero);
 * fixed_amount → min(value, unit) × qty (the value is per unit, capped at the unit price).
 * Returns 0 for a malformed promotion.
 */
export function promotionDiscountForLine(
  p: Pick<PromotionCandidate, 'kind' | 'value'>,
  line: Pick<PriceLineInput, 'unitPriceCents' | 'quantity'>,
): number {
  if (!isPromotionValueValid(p)) return 0;
  if (p.kind === 'percentage') {
    return roundDiv(line.unitPriceCents * line.quantity * p.value, 100);
  }
  return Math.min(p.value, line.unitPriceCents) * line.quantity;
}
