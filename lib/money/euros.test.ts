import { describe, expect, it } from 'vitest';
import { euroCentsSchema, parseEuroToCents } from './euros';

describe('parseEuroToCents', () => {
  it.each([
    ['5', 500],
    ['5,00', 500],
    ['5.5', 550],
    ['0,29', 29],
    ['€ 12,50', 1250],
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['1.234', 123400],
    ['1234,5', 123450],
  ])('%s → %i cents', (input, cents) => {
    expect(parseEuroToCents(input)).toBe(cents);
  });

  it.each(['', 'abc', '5,', '5,0001', '-5', '1.234.50', '5 euro'])('rejects %j', (input) => {
    expect(parseEuroToCents(input)).toBeNull();
  });

  it.each([' 12 ', '€\u00a012,00', '12.0', '007'])(
    'reads %j as typed around or with a trailing zero',
    (input) => {
      expect(parseEuroToCents(input)).toBe(input === '007' ? 700 : 1200);
    },
  );

  it.each([
    '0x10',
    '1e1',
    '1E1',
    '٣',
    '١٢,٥٠',
    '１２',
    '1 2',
    '+12',
    '-1',
    'Infinity',
    'NaN',
    '12,',
    '.5',
    '9'.repeat(400),
    '99999999999999999',
  ])('rejects the non-decimal or out-of-range %j', (input) => {
    expect(parseEuroToCents(input)).toBeNull();
  });

  it('gives a zod schema that takes text only', () => {
    for (const bad of [true, 12, null]) expect(euroCentsSchema().safeParse(bad).success).toBe(false);
  });

  it('gives a zod schema with the amount message', () => {
    expect(euroCentsSchema().parse('20,00')).toBe(2000);
    expect(euroCentsSchema({ min: 1 }).safeParse('0').error?.issues[0].message).toBe('validation.amount');
  });
});
