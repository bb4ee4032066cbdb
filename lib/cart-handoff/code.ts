import { createHmac, randomInt } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

// The short code a shopper reads out or shows at the counter. No 0/O, 1/I/L: the letters a clerk could
// mistake for each other are left out (what is typed is upper-cased; see normalizeHandoffInput).
export const HANDOFF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const HANDOFF_CODE_LENGTH = 6;
/** How long a code works after it is shown. */
export const HANDOFF_TTL_MS = 30 * 60 * 1000;
/** What the QR carries: a prefix so a scanner's input is recognisably a cart, not a SKU or an EAN. */
export const HANDOFF_QR_PREFIX = 'OMNISHOP-CART:';

const CODE_RE = new RegExp(`^[${HANDOFF_ALPHABET}]{${HANDOFF_CODE_LENGTH}}$`);

/** A new random code (31^6 ≈ 887 million: guessing one within its 30 minutes is hopeless behind the rate limit). */
export function generateHandoffCode(): string {
  let code = '';
  for (let i = 0; i < HANDOFF_CODE_LENGTH; i++) code += HANDOFF_ALPHABET[randomInt(HANDOFF_ALPHABET.length)];
  return code;
}

/**
 * What a clerk typed, a keyboard-wedge scanner typed (the QR's text) or the camera read → the code, or
 * null when it cannot be one. Case, spaces and dashes do not matter; a character outside the alphabet
 * (0, 1, I, L, O) is refused rather than guessed at, since no issued code contains one.
 */
export function normalizeHandoffInput(raw: string): string | null {
  let text = raw.trim().toUpperCase();
  if (text.startsWith(HANDOFF_QR_PREFIX)) text = text.slice(HANDOFF_QR_PREFIX.length);
  text = text.replace(/[\s-]/g, '');
  return CODE_RE.test(text) ? text : null;
}

/** True for a typed code or a scanned QR text (whether any cart has it is another question). */
export function isCartCodeShaped(raw: string): boolean {
  return normalizeHandoffInput(raw) !== null;
}

/** The text the QR encodes for `code`. */
export function handoffQrText(code: string): string {
  return `${HANDOFF_QR_PREFIX}${code}`;
}

/**
 * What is stored: a keyed hash (HMAC with a key derived from AUTH_SECRET), so neither a database leak
 * nor a brute force over the small code space without the secret yields a usable code.
 */
export function hashHandoffCode(code: string): string {
  const key = createHmac('sha256', authSecret()).update('omnishop cart handoff v1').digest();
  return createHmac('sha256', key).update(code).digest('hex');
}
