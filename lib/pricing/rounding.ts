/**
 * Integer division rounded half away from zero (for non-negative values this is Math.round),
 * computed exactly with the remainder so no float error can flip a rounding. Internal to
 * lib/pricing: nothing outside this folder rounds money.
 */
export function roundDiv(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError(`roundDiv needs safe integers and a non-zero denominator (${numerator}/${denominator})`);
  }
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const remainder = n % d; // exact for integers
  const quotient = (n - remainder) / d; // exact: n - remainder is a multiple of d
  const rounded = remainder * 2 >= d ? quotient + 1 : quotient;
  return sign < 0 && rounded !== 0 ? -rounded : rounded; // never -0
}
