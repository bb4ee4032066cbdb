/**
 * EAN-13 check digit (GS1): weights 1 and 3 alternate from the left over the first 12 digits; the check
 * digit makes the weighted sum a multiple of 10. https://www.gs1.org/services/how-calculate-check-digit-manually
 */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error('EAN-13 needs 12 digits before the check digit');
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

/** True for 13 digits whose last digit is the right check digit. */
export function isValidEan13(ean: string): boolean {
  return /^\d{13}$/.test(ean) && ean13CheckDigit(ean.slice(0, 12)) === Number(ean[12]);
}
