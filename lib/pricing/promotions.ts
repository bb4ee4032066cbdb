import { roundDiv } from './rounding';
import type { Channel, LocalizedText, PriceLineInput, PromotionCandidate, PromotionStatus, PromotionTargetRef } from './types';

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

/** Whether one target reference covers the line ('all' covers every line; a null id covers nothing). */
export function targetRefMatchesLine(
  ref: PromotionTargetRef,
  line: Pick<PriceLineInput, 'variantId' | 'productId' | 'categoryId'>,
): boolean {
  return promotionTargetsLine({ target: ref.type, targetId: ref.id }, line);
}

/**
 * Whether the promotion covers the line: its primary target or any additional target matches, and no
 * exclusion does.
 */
export function promotionMatchesLine(
  p: Pick<PromotionCandidate, 'target' | 'targetId' | 'additionalTargets' | 'exclusions'>,
  line: Pick<PriceLineInput, 'variantId' | 'productId' | 'categoryId'>,
): boolean {
  let hit = promotionTargetsLine(p, line);
  if (!hit && p.additionalTargets) hit = p.additionalTargets.some((r) => targetRefMatchesLine(r, line));
  if (!hit) return false;
  return !(p.exclusions && p.exclusions.some((r) => targetRefMatchesLine(r, line)));
}

/** The customer-facing title in both languages (falls back to the internal name). */
export function promotionTitle(p: Pick<PromotionCandidate, 'name' | 'title'>): LocalizedText {
  return { en: p.title?.en || p.name, nl: p.title?.nl || p.name };
}

const isPositiveInt = (v: number | null | undefined) => v === null || v === undefined || (Number.isSafeInteger(v) && v >= 1);

/**
 * Whether the value is one the schema allows (percentage: integer 1..100; fixed_amount / fixed_per_line:
 * integer >= 1 cent; fixed_per_line only for item promotions; BXGY needs buy/get quantities ≥ 1;
 * limits positive). A malformed row is never a candidate, so bad data cannot produce a negative price.
 */
export function isPromotionValueValid(
  p: Pick<PromotionCandidate, 'kind' | 'value'> & Partial<Pick<PromotionCandidate, 'scope' | 'buyQuantity' | 'getQuantity' | 'maxUnitsPerLine' | 'maxApplications'>>,
): boolean {
  if (!Number.isSafeInteger(p.value) || p.value < 1) return false;
  if (p.kind === 'percentage' && p.value > 100) return false;
  const scope = p.scope ?? 'item';
  if (p.kind === 'fixed_per_line' && scope !== 'item') return false;
  if (scope === 'buy_x_get_y') {
    if (!Number.isSafeInteger(p.buyQuantity) || (p.buyQuantity as number) < 1) return false;
    if (!Number.isSafeInteger(p.getQuantity) || (p.getQuantity as number) < 1) return false;
  }
  return isPositiveInt(p.maxUnitsPerLine) && isPositiveInt(p.maxApplications);
}

/**
 * Item discount in cents for a line, on what is left of it (`leftCents`, default the full line), rounded
 * once. With u = the discounted units (quantity, or at most maxUnitsPerLine):
 * percentage → round(left × u × value / (100 × qty)) (half away from zero; = round(unit × qty × value /
 * 100) on a full line); fixed_amount → min(value × u, floor(left × u / qty)) (per unit, capped at what is
 * left of a unit); fixed_per_line → min(value, left). Returns 0 for a malformed promotion.
 */
export function promotionDiscountForLine(
  p: Pick<PromotionCandidate, 'kind' | 'value'> & Partial<Pick<PromotionCandidate, 'maxUnitsPerLine' | 'scope'>>,
  line: Pick<PriceLineInput, 'unitPriceCents' | 'quantity'>,
  leftCents: number = line.unitPriceCents * line.quantity,
): number {
  if (!isPromotionValueValid(p) || leftCents <= 0) return 0;
  const qty = line.quantity;
  const units = p.maxUnitsPerLine ? Math.min(qty, p.maxUnitsPerLine) : qty;
  if (p.kind === 'percentage') return Math.min(leftCents, roundDiv(leftCents * units * p.value, 100 * qty));
  if (p.kind === 'fixed_per_line') return Math.min(p.value, leftCents);
  return Math.min(p.value * units, Math.floor((leftCents * units) / qty));
}
