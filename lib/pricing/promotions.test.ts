import { describe, it, expect } from 'vitest';
import {
  isPromotionActive,
  isPromotionValueValid,
  normalizeCode,
  promotionAppliesToChannel,
  promotionCode,
  promotionDiscountForLine,
  promotionStatus,
  promotionTargetsLine,
} from './promotions';
import { line, promo } from './test-helpers';

const start = new Date('2026-03-01T00:00:00Z');
const end = new Date('2026-04-01T00:00:00Z');
const at = (d: Date, deltaMs: number) => new Date(d.getTime() + deltaMs);

describe('isPromotionActive / promotionStatus', () => {
  const p = promo({ startsAt: start, endsAt: end });
  it('is half-open [startsAt, endsAt)', () => {
    expect(isPromotionActive(p, at(start, -1))).toBe(false);
    expect(isPromotionActive(p, start)).toBe(true);
    expect(isPromotionActive(p, at(end, -1))).toBe(true);
    expect(isPromotionActive(p, end)).toBe(false);
  });
  it('treats null bounds as open-ended', () => {
    expect(isPromotionActive(promo({ startsAt: null, endsAt: end }), new Date('2000-01-01T00:00:00Z'))).toBe(true);
    expect(isPromotionActive(promo({ startsAt: start, endsAt: null }), new Date('2100-01-01T00:00:00Z'))).toBe(true);
    expect(isPromotionActive(promo(), new Date(0))).toBe(true);
  });
  it('reports scheduled / active / ended at the same boundaries', () => {
    expect(promotionStatus(p, at(start, -1))).toBe('scheduled');
    expect(promotionStatus(p, start)).toBe('active');
    expect(promotionStatus(p, at(end, -1))).toBe('active');
    expect(promotionStatus(p, end)).toBe('ended');
    expect(promotionStatus(promo(), end)).toBe('active');
  });
});

describe('promotionAppliesToChannel', () => {
  it('null and [] mean every channel', () => {
    for (const channels of [null, []]) {
      expect(promotionAppliesToChannel(promo({ channels }), 'web')).toBe(true);
      expect(promotionAppliesToChannel(promo({ channels }), 'store')).toBe(true);
    }
  });
  it('a restricted promotion applies only in its channels', () => {
    expect(promotionAppliesToChannel(promo({ channels: ['store'] }), 'web')).toBe(false);
    expect(promotionAppliesToChannel(promo({ channels: ['store'] }), 'store')).toBe(true);
    expect(promotionAppliesToChannel(promo({ channels: ['web', 'store'] }), 'web')).toBe(true);
  });
});

describe('promotionTargetsLine', () => {
  const l = line({ variantId: 2, productId: 10, categoryId: 100 });
  it('all', () => expect(promotionTargetsLine(promo({ target: 'all' }), l)).toBe(true));
  it('category', () => {
    expect(promotionTargetsLine(promo({ target: 'category', targetId: 100 }), l)).toBe(true);
    expect(promotionTargetsLine(promo({ target: 'category', targetId: 200 }), l)).toBe(false);
  });
  it('product', () => {
    expect(promotionTargetsLine(promo({ target: 'product', targetId: 10 }), l)).toBe(true);
    expect(promotionTargetsLine(promo({ target: 'product', targetId: 2 }), l)).toBe(false); // a variant id is not a product id
  });
  it('variant', () => {
    expect(promotionTargetsLine(promo({ target: 'variant', targetId: 2 }), l)).toBe(true);
    expect(promotionTargetsLine(promo({ target: 'variant', targetId: 10 }), l)).toBe(false);
  });
  it('a non-"all" target without an id targets nothing', () => {
    expect(promotionTargetsLine(promo({ target: 'category', targetId: null }), l)).toBe(false);
  });
});

describe('normalizeCode / promotionCode', () => {
  it('trims and upper-cases', () => {
    expect(normalizeCode('  spring10 ')).toBe('SPRING10');
  });
  it('a null or blank promotion code means automatic', () => {
    expect(promotionCode(promo({ code: null }))).toBeNull();
    expect(promotionCode(promo({ code: '  ' }))).toBeNull();
    expect(promotionCode(promo({ code: 'Welcome' }))).toBe('WELCOME');
  });
});

describe('promotionDiscountForLine', () => {
  it('percentage rounds the whole line once: 3 × 1999 × 15% = 899.55 → 900', () => {
    expect(promotionDiscountForLine(promo({ value: 15 }), line({ quantity: 3, unitPriceCents: 1999 }))).toBe(900);
  });
  it('percentage rounds half away from zero: 3 × 333 × 50% = 499.5 → 500', () => {
    expect(promotionDiscountForLine(promo({ value: 50 }), line({ quantity: 3, unitPriceCents: 333 }))).toBe(500);
  });
  it('100% makes the line free', () => {
    expect(promotionDiscountForLine(promo({ value: 100 }), line({ quantity: 2, unitPriceCents: 750 }))).toBe(1500);
  });
  it('fixed amount is per unit: 2 × min(300, 1500) = 600', () => {
    expect(
      promotionDiscountForLine(promo({ kind: 'fixed_amount', value: 300 }), line({ quantity: 2, unitPriceCents: 1500 })),
    ).toBe(600);
  });
  it('fixed amount is capped at the unit price: 2 × min(300, 250) = 500', () => {
    expect(
      promotionDiscountForLine(promo({ kind: 'fixed_amount', value: 300 }), line({ quantity: 2, unitPriceCents: 250 })),
    ).toBe(500);
  });
  it('malformed values give no discount', () => {
    for (const p of [
      promo({ value: 0 }),
      promo({ value: 101 }),
      promo({ value: 12.5 }),
      promo({ kind: 'fixed_amount', value: -100 }),
    ]) {
      expect(isPromotionValueValid(p)).toBe(false);
      expect(promotionDiscountForLine(p, line())).toBe(0);
    }
  });
});
