import { describe, expect, it } from 'vitest';
import type { PromotionAdminDto } from './admin-promotions';
import { promotionInput } from './testing';
import {
  centsToEuroInput,
  EMPTY_PROMOTION_FORM,
  promotionEditFormSchema,
  promotionFormSchema,
  promotionPreviewSchema,
  promotionToFormValues,
} from './admin-form';

const form = { ...EMPTY_PROMOTION_FORM, name: 'Socks week', value: '15' };

function errorsOf(input: Record<string, unknown>) {
  const result = promotionFormSchema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

function dto(overrides: Partial<PromotionAdminDto>): PromotionAdminDto {
  return {
    ...promotionInput({ name: 'Socks week', value: 15 }),
    id: 7,
    usedCount: 0,
    discountGivenCents: 0,
    campaignCodesGenerated: 0,
    campaignCodesUsed: 0,
    status: 'active',
    targetLabel: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

describe('centsToEuroInput', () => {
  it('writes cents as a person types euros, without float arithmetic', () => {
    expect(centsToEuroInput(250, 'nl')).toBe('2,50');
    expect(centsToEuroInput(250, 'en')).toBe('2.50');
    expect(centsToEuroInput(1, 'nl')).toBe('0,01');
    expect(centsToEuroInput(29, 'en')).toBe('0.29');
    expect(centsToEuroInput(123456, 'nl')).toBe('1234,56');
  });
});

describe('promotionFormSchema', () => {
  it('maps the dependent target fields to the domain target', () => {
    expect(
      promotionFormSchema.parse({ ...form, target: 'category', categoryId: '8', productId: '3' }).promotion,
    ).toMatchObject({
      target: 'category',
      targetId: 8,
    });
    expect(
      promotionFormSchema.parse({ ...form, target: 'product', categoryId: '8', productId: '3' }).promotion,
    ).toMatchObject({
      target: 'product',
      targetId: 3,
    });
    // A stale id in a hidden field does not leak into an "all products" promotion.
    expect(promotionFormSchema.parse({ ...form, target: 'all', categoryId: '8' }).promotion).toMatchObject({
      target: 'all',
      targetId: null,
    });
    const variant = promotionFormSchema.parse({ ...form, target: 'variant', variantSku: ' sun-avi-gld ' });
    expect(variant.variantSku).toBe('SUN-AVI-GLD');
    expect(variant.promotion.target).toBe('variant');
  });

  it('reports a missing target under the field the admin has to fill', () => {
    expect(errorsOf({ ...form, target: 'category', categoryId: '' })).toEqual({
      categoryId: 'validation.required',
    });
    expect(errorsOf({ ...form, target: 'product' })).toEqual({ productId: 'validation.required' });
    expect(errorsOf({ ...form, target: 'variant', variantSku: '  ' })).toEqual({
      variantSku: 'validation.required',
    });
  });

  it('refuses bad values, a window that ends before it starts, no channel, and unknown keys', () => {
    expect(errorsOf({ ...form, value: '150' })).toEqual({ value: 'validation.percentage' });
    expect(errorsOf({ ...form, kind: 'fixed_amount', value: '2,5x' })).toEqual({
      value: 'validation.amount',
    });
    expect(errorsOf({ ...form, startsAt: '2030-05-02T10:00', endsAt: '2030-05-01T10:00' })).toEqual({
      endsAt: 'validation.endBeforeStart',
    });
    expect(errorsOf({ ...form, channels: undefined })).toEqual({ channels: 'validation.channelRequired' });
    expect(errorsOf({ ...form, channels: [] })).toEqual({ channels: 'validation.channelRequired' });
    expect(promotionFormSchema.safeParse({ ...form, price: '1' }).success).toBe(false);
    expect(promotionFormSchema.safeParse({ ...form, createdByUserId: '1' }).success).toBe(false);
  });

  it('reads fixed amounts in euros to cents and keeps one channel when only one is checked', () => {
    const parsed = promotionFormSchema.parse({
      ...form,
      kind: 'fixed_amount',
      value: '€ 2,50',
      channels: 'web',
      code: 'socks-15',
    });
    expect(parsed.promotion).toMatchObject({
      kind: 'fixed_amount',
      value: 250,
      channels: ['web'],
      code: 'SOCKS-15',
    });
    expect(promotionFormSchema.parse({ ...form, kind: 'fixed_amount', value: '0.29' }).promotion.value).toBe(
      29,
    );
  });

  it('needs an id to edit', () => {
    expect(promotionEditFormSchema.parse({ ...form, id: '7' })).toMatchObject({
      id: 7,
      promotion: { name: 'Socks week' },
    });
    expect(promotionEditFormSchema.safeParse(form).success).toBe(false);
  });
});

describe('promotionToFormValues → promotionFormSchema', () => {
  const cases: [string, Partial<PromotionAdminDto>][] = [
    ['percentage, open window, all channels', {}],
    ['fixed amount with cents', { kind: 'fixed_amount', value: 1995 }],
    [
      'summer-time window',
      { startsAt: new Date('2026-07-03T07:00:00Z'), endsAt: new Date('2026-07-05T21:59:00Z') },
    ],
    [
      'winter-time window',
      { startsAt: new Date('2026-01-09T08:00:00Z'), endsAt: new Date('2026-01-11T22:59:00Z') },
    ],
    [
      'window over the DST change',
      { startsAt: new Date('2026-03-28T23:00:00Z'), endsAt: new Date('2026-03-29T22:00:00Z') },
    ],
    ['code, one channel, category', { code: 'SUN20', channels: ['store'], target: 'category', targetId: 4 }],
    ['product', { target: 'product', targetId: 12 }],
    [
      'order discount over €75 for signed-in customers, once each, with a budget',
      { scope: 'order', kind: 'fixed_amount', value: 1000, minSubtotalCents: 7500, customerCondition: 'signed_in', perCustomerLimit: 1, usageLimit: 100, budgetCents: 50000, code: 'TEN75' },
    ],
    [
      '3 for 2 on socks, except one SKU-less product, stacking with codes',
      { scope: 'buy_x_get_y', value: 100, target: 'category', targetId: 4, buyQuantity: 2, getQuantity: 1, maxApplications: 3, exclusions: [{ type: 'product', id: 9 }], combination: 'with_codes', priority: 5 },
    ],
    [
      'shoes get free socks',
      { scope: 'buy_x_get_y', value: 100, target: 'category', targetId: 2, buyQuantity: 1, getQuantity: 1, getTargets: [{ type: 'category', id: 4 }] },
    ],
    [
      'fixed per line, at most 2 units, cheapest line, several targets, weekday evenings',
      { kind: 'fixed_per_line', value: 500, additionalTargets: [{ type: 'category', id: 3 }, { type: 'product', id: 12 }], maxUnitsPerLine: 2, application: 'cheapest_line', skipReducedLines: true, weekdays: [1, 2, 3, 4, 5], dailyStartMinute: 17 * 60, dailyEndMinute: 21 * 60 + 30 },
    ],
    ['free delivery from €40', { scope: 'shipping', value: 100, minSubtotalCents: 4000, combination: 'combinable' }],
    ['titles and descriptions in both languages', { titleEn: '3 for 2 on socks', titleNl: '3 halen 2 betalen op sokken', descriptionEn: 'Cheapest one free', descriptionNl: 'Goedkoopste gratis' }],
  ];
  for (const locale of ['nl', 'en'] as const) {
    for (const [label, overrides] of cases) {
      it(`gives back what was stored (${label}, ${locale})`, () => {
        const stored = dto(overrides);
        const values = promotionToFormValues(stored, locale);
        const { promotion } = promotionFormSchema.parse(values);
        const { id: _id, status: _s, targetLabel: _l, createdAt: _c, usedCount: _u, discountGivenCents: _g, campaignCodesGenerated: _cg, campaignCodesUsed: _cu, ...expected } = stored;
        expect(promotion).toEqual(expected);
      });
    }
  }

  it('shows instants in Amsterdam wall-clock time and a variant by its SKU', () => {
    const values = promotionToFormValues(
      dto({
        target: 'variant',
        targetId: 3,
        targetLabel: 'SUN-AVI-GLD',
        startsAt: new Date('2026-07-03T07:00:00Z'),
        endsAt: null,
      }),
      'nl',
    );
    expect(values).toMatchObject({
      startsAt: '2026-07-03T09:00',
      endsAt: '',
      variantSku: 'SUN-AVI-GLD',
      channels: ['web', 'store'],
    });
    expect(promotionFormSchema.parse(values).variantSku).toBe('SUN-AVI-GLD');
  });
});

describe('promotionPreviewSchema', () => {
  const sample = { lines: [{ sku: 'soc-ank-red', quantity: 3 }], customer: 'guest', channel: 'web', fulfilment: 'delivery', withRunning: false };
  it('only needs the discount, its target and the sample cart', () => {
    const parsed = promotionPreviewSchema.parse({
      kind: 'percentage',
      value: '20',
      target: 'category',
      categoryId: '2',
      sample,
    });
    expect(parsed.sample.lines).toEqual([{ sku: 'SOC-ANK-RED', quantity: 3 }]);
    expect(promotionPreviewSchema.safeParse({ kind: 'percentage', value: '20', sample: { ...sample, lines: [{ sku: 'X', quantity: 0 }] } }).success).toBe(false);
    expect(promotionPreviewSchema.safeParse({ kind: 'percentage', value: '20', sample: { ...sample, price: 1 } }).success).toBe(false);
    expect(parsed.promotion).toMatchObject({
      kind: 'percentage',
      value: 20,
      target: 'category',
      targetId: 2,
    });
    expect(promotionPreviewSchema.safeParse({ kind: 'percentage', value: '', target: 'all', sample }).success).toBe(false);
    expect(promotionPreviewSchema.safeParse({ kind: 'percentage', value: '20', price: '1', sample }).success).toBe(false);
  });
});
