import { describe, expect, it } from 'vitest';
import { ean13CheckDigit, isValidEan13 } from './ean';

describe('EAN-13 check digit', () => {
  it('accepts real barcodes and refuses a wrong check digit, a short code and letters', () => {
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('8710400311423')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
    expect(isValidEan13('40063813339a1')).toBe(false);
  });
  it('computes the digit that completes 12 digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
  });
});
