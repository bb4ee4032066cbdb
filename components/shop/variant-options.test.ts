import { describe, expect, it } from 'vitest';
import { optionDimensions, resolveVariant, variantAfterChange, type PickerVariant } from './variant-options';

const v = (id: number, size: string | null, color: string | null, soldOut = false): PickerVariant => ({
  id,
  size,
  color,
  soldOut,
});
const shoes = [v(1, '42', 'Black', true), v(2, '43', 'Black'), v(3, '42', 'Blue'), v(4, '44', 'Blue')];

describe('variant picker options', () => {
  it('shows a group only for an option that varies', () => {
    expect(optionDimensions(shoes)).toEqual({ sizes: ['42', '43', '44'], colors: ['Black', 'Blue'] });
    expect(optionDimensions([v(1, '36-40', 'Black'), v(2, '41-46', 'Black')])).toEqual({
      sizes: ['36-40', '41-46'],
      colors: [],
    });
    expect(optionDimensions([v(1, null, null)])).toEqual({ sizes: [], colors: [] });
  });

  it('resolves ?variant=, the no-JavaScript ?size=&color=, else the first variant in stock', () => {
    expect(resolveVariant(shoes, { variant: '3' }).id).toBe(3);
    expect(resolveVariant(shoes, { size: '44', color: 'Blue' }).id).toBe(4);
    expect(resolveVariant(shoes, { variant: '999' }).id).toBe(2);
    expect(resolveVariant(shoes, {}).id).toBe(2);
  });

  it('keeps the other option when the combination exists, else picks one with the chosen value', () => {
    expect(variantAfterChange(shoes, shoes[1], { color: 'Blue' })?.id).toBe(3); // 43 Blue does not exist → 42 Blue
    expect(variantAfterChange(shoes, shoes[2], { size: '44' })?.id).toBe(4); // 44 stays Blue
    expect(variantAfterChange(shoes, shoes[3], { size: '42' })?.id).toBe(3);
    expect(variantAfterChange(shoes, shoes[1], { size: '99' })).toBeUndefined();
  });
});
