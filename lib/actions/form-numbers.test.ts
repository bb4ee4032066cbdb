import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { addToCartSchema, setCartCustomerSchema, setLineQuantitySchema } from '@/lib/carts/schemas';
import { MESSAGES } from '@/lib/i18n/messages';
import { checkoutSchema, counterSaleSchema } from '@/lib/orders/schemas';
import { promotionEditFormSchema } from '@/lib/promotions/admin-form';
import { createPromotionSchema, endPromotionSchema, updatePromotionSchema } from '@/lib/promotions/schemas';
import { idFromForm, intFromForm, optionalIntFromForm, PG_INT_MAX } from './form-numbers';
import { localizeIssues } from './validation';

const en = createTranslator({ locale: 'en', messages: MESSAGES.en }) as unknown as Parameters<
  typeof localizeIssues
>[1];
const nl = createTranslator({ locale: 'nl', messages: MESSAGES.nl }) as unknown as Parameters<
  typeof localizeIssues
>[1];

/** The parsed value, or the localized message a person would see. */
function outcome(schema: z.ZodType, value: unknown, t = en) {
  const result = schema.safeParse(value);
  if (result.success) return { value: result.data };
  const { fieldErrors, formError } = localizeIssues(result.error.issues, t);
  return { error: formError ?? Object.values(fieldErrors).flat().join(' ') };
}

describe('intFromForm({ min: 0, max: 99 })', () => {
  const quantity = intFromForm({ min: 0, max: 99 });
  it.each<[unknown, { value: number } | { error: string }]>([
    ['12', { value: 12 }],
    [12, { value: 12 }],
    ['0', { value: 0 }],
    ['007', { value: 7 }],
    [' 12 ', { value: 12 }], // what a person types around a number is not part of it
    [-0, { value: 0 }],
    ['0x10', { error: 'Enter a whole number.' }],
    ['1e1', { error: 'Enter a whole number.' }],
    [true, { error: 'Enter a whole number.' }],
    [false, { error: 'Enter a whole number.' }],
    ['12.0', { error: 'Enter a whole number.' }],
    [12.5, { error: 'Enter a whole number.' }],
    ['12,0', { error: 'Enter a whole number.' }],
    ['+12', { error: 'Enter a whole number.' }],
    ['1 2', { error: 'Enter a whole number.' }],
    ['٣', { error: 'Enter a whole number.' }], // Arabic-Indic three: Number('٣') is NaN, \d would not match either
    ['１２', { error: 'Enter a whole number.' }], // full-width digits
    ['Infinity', { error: 'Enter a whole number.' }],
    [Number.NaN, { error: 'Enter a whole number.' }],
    [Number.POSITIVE_INFINITY, { error: 'Enter a whole number.' }],
    [[12], { error: 'Enter a whole number.' }],
    [{ valueOf: () => 12 }, { error: 'Enter a whole number.' }],
    ['-1', { error: 'Enter 0 or more.' }],
    ['100', { error: 'Enter 99 or less.' }],
    ['99999999999999999999999999999999', { error: 'Enter 99 or less.' }],
    [1e21, { error: 'Enter 99 or less.' }],
    ['', { error: 'This field is required.' }],
    ['   ', { error: 'This field is required.' }],
    [undefined, { error: 'This field is required.' }],
    [null, { error: 'This field is required.' }],
  ])('%j → %j', (input, expected) => {
    expect(outcome(quantity, input)).toEqual(expected);
  });

  it('speaks Dutch too', () => {
    expect(outcome(quantity, '0x10', nl)).toEqual({ error: 'Vul een heel getal in.' });
    expect(outcome(quantity, '100', nl)).toEqual({ error: 'Vul 99 of minder in.' });
  });
});

describe('optionalIntFromForm and idFromForm', () => {
  it('treats a blank optional field as not given', () => {
    const schema = optionalIntFromForm({ min: 1 });
    expect(outcome(schema, '')).toEqual({ value: undefined });
    expect(outcome(schema, undefined)).toEqual({ value: undefined });
    expect(outcome(schema, '5')).toEqual({ value: 5 });
    expect(outcome(schema, '1e1')).toEqual({ error: 'Enter a whole number.' });
  });

  it('answers "not valid" for an id that no form rendered, including one past the database integer', () => {
    const id = idFromForm();
    expect(outcome(id, '42')).toEqual({ value: 42 });
    for (const bad of ['0', '-1', '0x10', '1e1', true, '12.0', '٣', String(PG_INT_MAX + 1)]) {
      expect(outcome(id, bad)).toEqual({ error: 'This value is not valid.' });
    }
  });
});

// Every schema that reads a number from a form: none may take "0x10", "1e1" or true for a number.
const KEY = '5b0c5f1e-8f7a-4d0e-9a53-2a1d3f1b7c11';
const pickup = {
  idempotencyKey: KEY,
  fulfilment: 'pickup',
  email: 'e@example.com',
  name: 'Eva',
  pickupLocationId: '2',
};
const promotion = { name: 'Spring', kind: 'percentage', value: '20', target: 'product', targetId: '3' };
const NUMBER_FIELDS: [string, z.ZodType, Record<string, unknown>, string][] = [
  ['addToCartSchema.variantId', addToCartSchema, { variantId: '7', quantity: '1' }, 'variantId'],
  ['addToCartSchema.quantity', addToCartSchema, { variantId: '7', quantity: '1' }, 'quantity'],
  ['setLineQuantitySchema.quantity', setLineQuantitySchema, { variantId: '7', quantity: '1' }, 'quantity'],
  ['setCartCustomerSchema.customerId', setCartCustomerSchema, { customerId: '7' }, 'customerId'],
  ['checkoutSchema.pickupLocationId', checkoutSchema, pickup, 'pickupLocationId'],
  [
    'checkoutSchema.expectedTotalCents',
    checkoutSchema,
    { ...pickup, expectedTotalCents: '1000' },
    'expectedTotalCents',
  ],
  [
    'counterSaleSchema.expectedTotalCents',
    counterSaleSchema,
    { idempotencyKey: KEY, expectedTotalCents: '1000' },
    'expectedTotalCents',
  ],
  ['createPromotionSchema.targetId', createPromotionSchema, promotion, 'targetId'],
  ['updatePromotionSchema.id', updatePromotionSchema, { ...promotion, id: '1' }, 'id'],
  ['endPromotionSchema.id', endPromotionSchema, { id: '1' }, 'id'],
  [
    'promotionEditFormSchema.id',
    promotionEditFormSchema,
    { name: 'Spring', kind: 'percentage', value: '20', target: 'all', channels: 'web', id: '1' },
    'id',
  ],
];

describe.each(NUMBER_FIELDS)('%s', (_name, schema, valid, field) => {
  it('takes decimal digits', () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });
  it.each(['0x10', '1e1', true, '12.0', '٣', '99999999999999999999'])('refuses %j', (bad) => {
    const result = schema.safeParse({ ...valid, [field]: bad });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});

describe('createPromotionSchema.weekdays (a checkbox group of ISO weekdays)', () => {
  const base = { name: 'Spring', kind: 'percentage', value: '20' };
  it('takes "1".."7"', () => {
    expect(createPromotionSchema.parse({ ...base, weekdays: ['1', '5'] }).weekdays).toEqual([1, 5]);
    expect(createPromotionSchema.parse({ ...base, weekdays: '6' }).weekdays).toEqual([6]);
  });
  it.each(['0x1', '1e0', true, '1.0', ' +1', '٣', '0', '8', '99999999999999999999'])('refuses %j as a weekday', (bad) => {
    const result = createPromotionSchema.safeParse({ ...base, weekdays: ['2', bad] });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['weekdays', 1], message: 'validation.choice' })]);
  });
});
