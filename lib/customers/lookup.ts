import { toE164 } from '@/lib/notifications/phone';

/**
 * What the one lookup field holds. A clerk types (or a keyboard-wedge scanner "types") one of:
 * an email, a phone number in any common notation, a loyalty card number, or a name.
 * A string of digits may be a card number or a phone number, so both are tried; only when it is
 * neither a valid phone number nor a known card does the lookup answer "not a valid phone number".
 */
export type LookupTerm =
  | { kind: 'email'; email: string }
  | { kind: 'number'; raw: string; card: string | null; phone: string | null }
  | { kind: 'name'; text: string };

// Digits with the separators people put in phone numbers: "06-12345678", "+31 (0)6 1234 5678", "0031…".
const NUMBER_LIKE = /^[+\d][\d\s\-().\/]*$/;

export function classifyLookup(query: string): LookupTerm {
  const q = query.trim();
  if (q.includes('@')) return { kind: 'email', email: q.toLowerCase() };
  if (NUMBER_LIKE.test(q) && /\d/.test(q)) {
    // A scanned or typed card number: digits only (spaces allowed between groups).
    const card = /^[\d\s]+$/.test(q) ? q.replace(/\s/g, '') : null;
    return { kind: 'number', raw: q, card, phone: toE164(q.replace(/\(0\)/g, '')) };
  }
  return { kind: 'name', text: q };
}

/** `text` for a LIKE pattern: %, _ and \ match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
