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

  it('gives a zod schema with the amount message', () => {
    expect(euroCentsSchema().parse('20,00')).toBe(2000);
    expect(euroCentsSchema({ min: 1 }).safeParse('0').error?.issues[0].message).toBe('validation.amount');
  });
});
