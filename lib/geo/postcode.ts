/**
 * Dutch postcodes: four digits (the PC4 area, never starting with 0) and two letters (PC6, one street
 * side). The letter pairs SA, SD and SS are never issued (PostNL). A shopper may type just the four
 * digits; spaces and case do not matter.
 */
export interface DutchPostcode {
  /** The PC4 area, e.g. "3511". */
  pc4: string;
  /** The two letters, when given ("AZ"), else null. */
  letters: string | null;
  /** As written on an envelope: "3511 AZ", or "3511". */
  display: string;
}

export type PostcodeError = 'required' | 'invalid';

const POSTCODE = /^([1-9][0-9]{3})\s?([A-Z]{2})?$/;
const NEVER_ISSUED = new Set(['SA', 'SD', 'SS']);

/** Parses what a shopper typed into a postcode, or says why it is not one. */
export function parseDutchPostcode(input: string): { ok: true; postcode: DutchPostcode } | { ok: false; error: PostcodeError } {
  const text = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!text) return { ok: false, error: 'required' };
  const match = POSTCODE.exec(text);
  if (!match) return { ok: false, error: 'invalid' };
  const [, pc4, letters = null] = match;
  if (letters && NEVER_ISSUED.has(letters)) return { ok: false, error: 'invalid' };
  return { ok: true, postcode: { pc4, letters, display: letters ? `${pc4} ${letters}` : pc4 } };
}
