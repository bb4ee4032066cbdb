import { z } from 'zod';

// Whole numbers as people type them and forms send them. `z.coerce.number` runs `Number(value)`, which
// reads "0x10" as 16, "1e1" as 10, true as 1, " " as 0 and "٣" as NaN: input the person never meant as that
// number, and ids that no form ever rendered. Here a number is a JS integer or ASCII decimal digits
// (surrounding whitespace trimmed, a leading "-" allowed so "-1" gets the "too small" message).

/** The largest value of a PostgreSQL `integer` (every id and quantity column): beyond it, queries fail. */
export const PG_INT_MAX = 2_147_483_647;

const DECIMAL_INTEGER_RE = /^-?[0-9]+$/;

export interface IntFromFormOptions {
  min?: number;
  max?: number;
  /** The `validation.*` key shown when the value is not a whole number (default 'validation.integer'). */
  message?: string;
  /** Shown instead of 'validation.tooSmall' / 'validation.tooBig' (e.g. an id out of range is just invalid). */
  rangeMessage?: string;
}

type Parsed = { kind: 'blank' } | { kind: 'invalid' } | { kind: 'number'; value: number };

/** A JS integer, or a string of ASCII decimal digits; '' / undefined / null are blank; anything else invalid. */
export function parseFormInteger(value: unknown): Parsed {
  if (value === undefined || value === null) return { kind: 'blank' };
  if (typeof value === 'number') {
    // NaN, ±Infinity and 12.5 are not whole numbers; -0 is 0.
    return Number.isInteger(value) ? { kind: 'number', value: value === 0 ? 0 : value } : { kind: 'invalid' };
  }
  if (typeof value !== 'string') return { kind: 'invalid' };
  const text = value.trim();
  if (text === '') return { kind: 'blank' };
  if (!DECIMAL_INTEGER_RE.test(text)) return { kind: 'invalid' };
  const n = Number(text);
  return { kind: 'number', value: n === 0 ? 0 : n };
}

function build(options: IntFromFormOptions, blank: 'required' | 'optional') {
  const min = options.min ?? 0;
  const max = options.max ?? PG_INT_MAX;
  const message = options.message ?? 'validation.integer';
  return z.unknown().transform((input, ctx): number | undefined => {
    const parsed = parseFormInteger(input);
    if (parsed.kind === 'blank') {
      if (blank === 'optional') return undefined;
      ctx.addIssue({ code: 'custom', message: 'validation.required', input });
      return z.NEVER;
    }
    if (parsed.kind === 'invalid') {
      ctx.addIssue({ code: 'custom', message, input });
      return z.NEVER;
    }
    // One issue per value, with the bound for the message ("Enter 99 or less."); digits beyond the
    // safe range are simply too big.
    if (parsed.value < min) {
      const text = options.rangeMessage ?? 'validation.tooSmall';
      ctx.addIssue({
        code: 'too_small',
        origin: 'number',
        minimum: min,
        inclusive: true,
        message: text,
        input,
      });
      return z.NEVER;
    }
    if (parsed.value > max) {
      const text = options.rangeMessage ?? 'validation.tooBig';
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: max,
        inclusive: true,
        message: text,
        input,
      });
      return z.NEVER;
    }
    return parsed.value;
  });
}

/**
 * zod: a required whole number from a form field or a direct call, within [min, max] (default
 * 0 … PG_INT_MAX). Accepts a JS integer or decimal digits only; localized messages: 'validation.required',
 * `message` (not a whole number), 'validation.tooSmall' / 'validation.tooBig' with the bound.
 */
export function intFromForm(options: IntFromFormOptions = {}): z.ZodType<number, unknown> {
  return build(options, 'required') as z.ZodType<number, unknown>;
}

/** Like intFromForm, but a blank field ('' or absent) gives undefined. */
export function optionalIntFromForm(
  options: IntFromFormOptions = {},
): z.ZodType<number | undefined, unknown> {
  // .optional() so that zod treats an absent key as allowed; '' still reaches the transform.
  return build(options, 'optional').optional();
}

/** zod: a row id (serial) from a hidden field or a select: a positive whole number, 'validation.invalid' otherwise. */
export function idFromForm(message = 'validation.invalid'): z.ZodType<number, unknown> {
  return intFromForm({ min: 1, max: PG_INT_MAX, message, rangeMessage: message });
}
