import {
  isPromotionActive,
  isPromotionValueValid,
  normalizeCode,
  promotionAppliesToChannel,
  promotionCode,
  promotionDiscountForLine,
  promotionTargetsLine,
} from './promotions';
import { DEFAULT_PRICING_CONFIG } from './config';
import { roundDiv } from './rounding';
import { shippingCents as computeShipping } from './shipping';
import type {
  AppliedPromotion,
  PriceContext,
  PriceLineInput,
  PricedCart,
  PricedLine,
  PricingConfig,
  PromotionCandidate,
  VatLine,
} from './types';
import { vatIncluded } from './vat';

function assertLine(line: PriceLineInput, index: number, vatRatesBp: PricingConfig['vatRatesBp']): void {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new RangeError(`line ${index}: quantity must be a positive integer, got ${line.quantity}`);
  }
  if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0) {
    throw new RangeError(`line ${index}: unitPriceCents must be a non-negative integer, got ${line.unitPriceCents}`);
  }
  if (!Object.hasOwn(vatRatesBp, line.taxClass)) {
    throw new RangeError(`line ${index}: unknown tax class ${String(line.taxClass)}`);
  }
}

/**
 * The one price function (DESIGN invariant 1). Pure: everything it needs is in its arguments.
 *
 * Rules:
 * - A promotion is a candidate for a line when it is active at `ctx.now` (half-open window
 *   [startsAt, endsAt)), allowed in `ctx.channel` (null/[] = all channels), targets the line
 *   (all / category / product / variant), has a well-formed value, and — when it has a code — that
 *   code is among `ctx.codes` (trimmed, case-insensitive).
 * - Promotions do not stack: each line gets the single candidate with the largest discount for that
 *   line; a tie goes to the lower promotion id. A candidate whose discount rounds to 0 is not applied.
 * - Rounding happens once per line, half away from zero: the percentage discount of the whole line,
 *   then the VAT contained in the line total. Shipping VAT is rounded once, at the standard rate.
 * - A code in `ctx.codes` is `accepted` when some promotion with that code is active, allowed in the
 *   channel and well-formed — even if it wins no line — otherwise `rejected` (unknown, expired, not
 *   yet valid, wrong channel).
 * - Shipping follows shipping.ts on the discounted goods total; no `ctx.fulfilment` → 0.
 * - VAT rates per tax class and the delivery fee / free-delivery threshold come from `ctx.pricing`
 *   (the settings, read once by the caller); without it, DEFAULT_PRICING_CONFIG.
 * - `ctx.customerId` / `ctx.locationId` are accepted for future rules and not used yet.
 *
 * @throws RangeError when a quantity is not a positive integer or a unit price not a non-negative
 *   integer (callers validate with zod first; this is a safety net).
 */
export function priceCart(
  lines: PriceLineInput[],
  promotions: PromotionCandidate[],
  ctx: PriceContext,
): PricedCart {
  const config = ctx.pricing ?? DEFAULT_PRICING_CONFIG;
  const rates = config.vatRatesBp;
  lines.forEach((line, i) => assertLine(line, i, rates));

  const enteredCodes = [...new Set((ctx.codes ?? []).map(normalizeCode).filter((c) => c !== ''))];
  const usable = promotions.filter(
    (p) => isPromotionValueValid(p) && isPromotionActive(p, ctx.now) && promotionAppliesToChannel(p, ctx.channel),
  );
  const usableCodes = new Set(usable.map(promotionCode).filter((c): c is string => c !== null));
  const entered = new Set(enteredCodes);
  const candidates = usable
    .filter((p) => {
      const code = promotionCode(p);
      return code === null || entered.has(code);
    })
    .sort((a, b) => a.id - b.id); // ascending id, so a strict '>' below keeps the lower id on a tie

  const applied = new Map<number, AppliedPromotion>();
  const pricedLines: PricedLine[] = lines.map((line) => {
    let best: PromotionCandidate | null = null;
    let bestDiscount = 0;
    for (const p of candidates) {
      if (!promotionTargetsLine(p, line)) continue;
      const discount = promotionDiscountForLine(p, line);
      if (discount > bestDiscount) {
        best = p;
        bestDiscount = discount;
      }
    }

    const grossCents = line.unitPriceCents * line.quantity;
    const discountCents = Math.min(bestDiscount, grossCents);
    const lineTotalCents = grossCents - discountCents;
    const vatRateBp = rates[line.taxClass];
    const promotion = best === null ? null : { id: best.id, name: best.name, title: best.title ?? { en: best.name, nl: best.name }, code: promotionCode(best) };

    if (promotion !== null) {
      const entry = applied.get(promotion.id) ?? { ...promotion, scope: 'item' as const, discountCents: 0, shippingDiscountCents: 0 };
      entry.discountCents += discountCents;
      applied.set(promotion.id, entry);
    }

    return {
      variantId: line.variantId,
      productId: line.productId,
      categoryId: line.categoryId,
      quantity: line.quantity,
      taxClass: line.taxClass,
      unitPriceCents: line.unitPriceCents,
      discountCents,
      lineTotalCents,
      unitNetPriceCents: roundDiv(lineTotalCents, line.quantity),
      vatRateBp,
      vatCents: vatIncluded(lineTotalCents, vatRateBp),
      promotion,
      savings: promotion === null ? [] : [{ source: 'promotion' as const, promotionId: promotion.id, scope: 'item' as const, title: promotion.title, code: promotion.code, amountCents: discountCents }],
    };
  });

  const subtotalCents = sum(pricedLines.map((l) => l.unitPriceCents * l.quantity));
  const discountCents = sum(pricedLines.map((l) => l.discountCents));
  const goodsTotalCents = subtotalCents - discountCents;
  const shippingCents = computeShipping(
    { fulfilment: ctx.fulfilment, goodsTotalCents, lineCount: pricedLines.length },
    config,
  );

  const byRate = new Map<number, VatLine>();
  const addVat = (rateBp: number, grossCents: number, vatCents: number) => {
    const entry = byRate.get(rateBp) ?? { rateBp, grossCents: 0, vatCents: 0 };
    entry.grossCents += grossCents;
    entry.vatCents += vatCents;
    byRate.set(rateBp, entry);
  };
  for (const l of pricedLines) addVat(l.vatRateBp, l.lineTotalCents, l.vatCents);
  if (shippingCents > 0) {
    addVat(rates.standard, shippingCents, vatIncluded(shippingCents, rates.standard));
  }
  const vat = [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);

  return {
    lines: pricedLines,
    subtotalCents,
    discountCents,
    shippingCents,
    shippingBeforeDiscountCents: shippingCents,
    shippingDiscountCents: 0,
    totalCents: goodsTotalCents + shippingCents,
    vat,
    vatCents: sum(vat.map((v) => v.vatCents)),
    appliedPromotions: [...applied.values()],
    savings: [...applied.values()].map((a) => ({ source: 'promotion' as const, promotionId: a.id, scope: a.scope, title: a.title, code: a.code, amountCents: a.discountCents })),
    codes: {
      accepted: enteredCodes.filter((c) => usableCodes.has(c)),
      rejected: enteredCodes.filter((c) => !usableCodes.has(c)),
      refusals: enteredCodes.filter((c) => !usableCodes.has(c)).map((code) => ({ code, reason: 'unknown' as const })),
    },
  };
}

function sum(values: number[]): number {
  return values.reduce((acc, v) => acc + v, 0);
}
