import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { DomainError } from '@/lib/errors';

// The full ("max") metadata: the default one only checks lengths, so it accepts numbers that no
// operator issues. Server-side only, where its size does not matter.

/** The shop is Dutch: numbers typed without a country code are read as Dutch ones. */
export const DEFAULT_PHONE_REGION: CountryCode = 'NL';

export interface ParsedPhone {
  e164: string;
  /** libphonenumber's type: 'MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'VOIP', … or undefined. */
  type: string | undefined;
}

/**
 * A phone number as people type it ("06 12345678", "+32 470 12 34 56", "0031 6…") in E.164
 * ("+31612345678"), or null when it is not a valid number.
 */
export function parsePhone(input: string, region: CountryCode = DEFAULT_PHONE_REGION): ParsedPhone | null {
  const parsed = parsePhoneNumberFromString(input.trim(), region);
  if (!parsed || !parsed.isValid()) return null;
  return { e164: parsed.number, type: parsed.getType() };
}

/** E.164 or null; see parsePhone. */
export function toE164(input: string, region: CountryCode = DEFAULT_PHONE_REGION): string | null {
  return parsePhone(input, region)?.e164 ?? null;
}

/**
 * For forms and domain code that store a number to text later: E.164, or a DomainError
 * 'invalidPhoneNumber' (on `field` when given) that the action wrapper shows localized.
 */
export function normalizePhoneNumber(input: string, field?: string): string {
  const e164 = toE164(input);
  if (!e164) throw new DomainError('invalidPhoneNumber', { value: input.slice(0, 40) }, field);
  return e164;
}
