import { describe, expect, it } from 'vitest';
import { createPromotionSchema, updatePromotionSchema } from './schemas';
import { promotionInput } from './testing';

const form = { name: 'Spring', kind: 'percentage', value: '20' };

function messages(input: Record<string, unknown>) {
  const result = createPromotionSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('createPromotionSchema', () => {
  it('turns form text into what the database stores', () => {
    expect(createPromotionSchema.parse({ ...form, target: 'all', targetId: '', code: ' spring-26 ', startsAt: '2026-03-29T02:30', endsAt: '' })).toEqual({
      ...promotionInput(),
      name: 'Spring',
      kind: 'percentage',
      value: 20,
      target: 'all',
      targetId: null,
      // 02:30 does not exist on the DST night: read with the offset before the change (+01:00).
      startsAt: new Date('2026-03-29T01:30:00Z'),
      endsAt: null,
      code: 'SPRING-26',
      channels: null,
    });
  });

  it('takes an optional customer segment (S14); blank is none, an unknown one is refused', () => {
    expect(createPromotionSchema.parse({ ...form, customerSegment: 'loyal' }).customerSegment).toBe('loyal');
    expect(createPromotionSchema.parse({ ...form, customerSegment: '' }).customerSegment).toBeNull();
    expect(messages({ ...form, customerSegment: 'vip' })).toEqual({ customerSegment: 'validation.choice' });
  });

  it('reads a fixed amount in euros without float errors', () => {
    expect(createPromotionSchema.parse({ ...form, kind: 'fixed_amount', value: '5' }).value).toBe(500);
    expect(createPromotionSchema.parse({ ...form, kind: 'fixed_amount', value: '0,29' }).value).toBe(29);
    expect(createPromotionSchema.parse({ ...form, kind: 'fixed_amount', value: '5,00' }).value).toBe(500);
    expect(messages({ ...form, kind: 'fixed_amount', value: '0' })).toEqual({ value: 'validation.amount' });
  });

  it('keeps percentages within 1..100', () => {
    expect(messages({ ...form, value: '0' })).toEqual({ value: 'validation.percentage' });
    expect(messages({ ...form, value: '101' })).toEqual({ value: 'validation.percentage' });
    expect(messages({ ...form, value: '12.5' })).toEqual({ value: 'validation.percentage' });
    expect(createPromotionSchema.parse({ ...form, value: 100 }).value).toBe(100);
  });

  it('treats no channels or both channels as all channels', () => {
    expect(createPromotionSchema.parse(form).channels).toBeNull();
    expect(createPromotionSchema.parse({ ...form, channels: ['web', 'store'] }).channels).toBeNull();
    expect(createPromotionSchema.parse({ ...form, channels: 'store' }).channels).toEqual(['store']);
    expect(messages({ ...form, channels: ['fax'] })).toHaveProperty('channels.0', 'validation.choice');
  });

  it('checks target, window and code', () => {
    expect(messages({ ...form, target: 'all', targetId: '3' })).toEqual({ targetId: 'validation.targetNotAllowed' });
    expect(messages({ ...form, target: 'product' })).toEqual({ targetId: 'validation.required' });
    expect(createPromotionSchema.parse({ ...form, target: 'product', targetId: '3' })).toMatchObject({ target: 'product', targetId: 3 });
    expect(messages({ ...form, startsAt: '2026-05-02T10:00', endsAt: '2026-05-01T10:00' })).toEqual({ endsAt: 'validation.endBeforeStart' });
    expect(messages({ ...form, startsAt: '2026-02-30T10:00' })).toEqual({ startsAt: 'validation.dateTime' });
    expect(messages({ ...form, code: 'a b' })).toEqual({ code: 'validation.promotionCode' });
  });

  it('rejects unknown keys and needs an id to update', () => {
    expect(createPromotionSchema.safeParse({ ...form, createdByUserId: '1' }).success).toBe(false);
    expect(updatePromotionSchema.parse({ ...form, id: '4' })).toMatchObject({ id: 4, value: 20 });
    expect(updatePromotionSchema.safeParse(form).success).toBe(false);
  });
});

describe('engine fields', () => {
  it('reads minimum, budget and weekly hours; all seven days is every day', () => {
    expect(
      createPromotionSchema.parse({ ...form, scope: 'order', kind: 'fixed_amount', value: '10', minSubtotal: '75', budget: '500,00', weekdays: ['1', '2', '3', '4', '5', '6', '7'], dailyStart: '09:00', dailyEnd: '17:30' }),
    ).toMatchObject({ scope: 'order', value: 1000, minSubtotalCents: 7500, budgetCents: 50000, weekdays: null, dailyStartMinute: 540, dailyEndMinute: 1050 });
  });

  it('refuses a per-line amount off an order, BXGY without quantities, a half-given or backwards daily window', () => {
    expect(messages({ ...form, scope: 'order', kind: 'fixed_per_line', value: '5' })).toMatchObject({ kind: 'validation.choice' });
    expect(messages({ ...form, scope: 'buy_x_get_y', value: '100' })).toMatchObject({ buyQuantity: 'validation.required', getQuantity: 'validation.required' });
    expect(messages({ ...form, dailyStart: '09:00' })).toMatchObject({ dailyEnd: 'validation.required' });
    expect(messages({ ...form, dailyStart: '18:00', dailyEnd: '09:00' })).toMatchObject({ dailyEnd: 'validation.endBeforeStart' });
    expect(messages({ ...form, minSubtotal: '7,5,0' })).toMatchObject({ minSubtotal: 'validation.amount' });
  });

  it('drops BXGY-only fields from other kinds', () => {
    expect(createPromotionSchema.parse({ ...form, buyQuantity: '2', getQuantity: '1', maxApplications: '3' })).toMatchObject({ buyQuantity: null, getQuantity: null, maxApplications: null });
  });
});
