import { z } from 'zod';

// Amounts typed by people: "5", "5,00", "5.5", "1.234,50" or "1,234.50". Parsed as text so that no
// float ever touches money (0.29 * 100 = 28.999999999999996).
const EURO_RE = /^(\d{1,3}(?:([.,])\d{3})*|\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Whole euro cents from an amount as a person types it, or null when it is not a plain amount.
 * A single separator followed by exactly three digits ("1.234") is read as thousands, as Dutch
 * users write it; "1.23" / "1,23" are decimals.
 */
export function parseEuroToCents(input: string): number | null {
  // Only the € sign and the space after it are dropped: "1 2" is not 12 euros. `\d` is ASCII 0-9 in JS,
  // so other scripts' digits ("٣") and full-width digits never match.
  const text = input.trim().replace(/^€\s*/, '');
  const m = EURO_RE.exec(text);
  if (!m) return null;
  const [, whole, groupSep, fraction] = m;
  // "1,234.50": the decimal separator must differ from the grouping separator.
  if (groupSep && fraction !== undefined && text[text.length - fraction.length - 1] === groupSep) return null;
  const euros = Number(whole.replace(/[.,]/g, ''));
  const cents = fraction === undefined ? 0 : Number(fraction.padEnd(2, '0'));
  const total = euros * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}

/** zod: a euro amount string (FormData) → integer cents, with the localized 'validation.amount' message. */
export function euroCentsSchema(options: { min?: number; max?: number } = {}) {
  const min = options.min ?? 0;
  const max = options.max ?? 100_000_000;
  return z
    .string()
    .trim()
    .min(1, 'validation.required')
    .transform((value, ctx) => {
      const cents = parseEuroToCents(value);
      if (cents === null || cents < min || cents > max) {
        ctx.addIssue({ code: 'custom', message: 'validation.amount' });
        return z.NEVER;
      }
      return cents;
    });
}
