/**
 * Hostile inputs for the fuzz suite (fast-check arbitraries), and the detectors of what an answer
 * must never carry. Inputs start from a valid one so that parsing, and the handler behind it, is reached.
 */
import fc from 'fast-check';

/** Keys an attacker adds to a form hoping the server trusts them. */
export const UNKNOWN_KEYS = ['price', 'priceCents', 'totalCents', 'role', 'status', 'customerId', 'userId', 'storeId', 'locationId', 'cartId', 'isAdmin', 'constructor', '__proto__'];

const HOSTILE_STRINGS = [
  '', ' ', '\t\n', '0', '-0', '-1', '0x10', '1e1', '1e309', '1_000', '٣', '١٢', 'NaN', 'Infinity', '9007199254740993', '2147483648', '-2147483649',
  '00000000-0000-0000-0000-000000000000', 'true', 'null', 'undefined', '[object Object]', '{}', '[]',
  "' OR '1'='1", "'; drop table users; --", '"; select pg_sleep(1); --', '\\', '%00', '%27', '${7*7}', '{{7*7}}', '<script>alert(1)</script>',
  '../../etc/passwd', 'javascript:alert(1)', '//evil.example', 'https://evil.example',
  '\u0000', 'a\u0000b', 'SAVE10\u0000', '\u202Eevil', 'ab\u200Bcd', '\uFEFF', '\u0301', 'Ａｄｍｉｎ', 'İ', 'ß', '👩‍👩‍👧‍👦', '🙂'.repeat(40), '\uD800', 'x\uDFFFy',
  'x'.repeat(10_001), '9'.repeat(20_000), 'ا'.repeat(10_001), '🙂'.repeat(6_000), `a@${'b'.repeat(10_000)}.example`,
];
const HOSTILE_SCALARS: unknown[] = [NaN, -0, 0, -1, 0.5, 1e21, -1e21, Infinity, -Infinity, 2 ** 31, 2 ** 53 + 2, Number.MIN_VALUE, null, undefined, true, false];

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}
const HOSTILE_SHAPES: unknown[] = [
  nested(500),
  Array.from({ length: 10_000 }, (_, i) => i),
  Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`k${i}`, i])),
  new Date(Number.NaN),
  new Date(8.64e15),
  Object.create(null),
];

/** One value that no form would send. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SHAPES) },
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.double(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 4 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
);

/** A whole input: garbage, or the valid one with fields replaced, unknown keys added, or both. */
export function hostileInput(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const withUnknownKey = fc
    .tuple(fc.constantFrom(...UNKNOWN_KEYS), hostileValue)
    .map(([key, value]) => Object.fromEntries([...Object.entries(base), [key, value]]));
  const everyField = fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(base[k]), hostileValue)])));
  const variants: fc.WeightedArbitrary<unknown>[] = [
    { weight: 1, arbitrary: hostileValue },
    { weight: 2, arbitrary: withUnknownKey },
    { weight: 2, arbitrary: everyField },
  ];
  if (keys.length > 0) {
    variants.push(
      // One bad field among valid ones: the likeliest to get past parsing into the handler.
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...keys), hostileValue).map(([key, value]) => ({ ...base, [key]: value })) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...keys), hostileValue).map(([key, value]) => {
        const copy: Record<string, unknown> = { ...base };
        delete copy[key];
        return Object.fromEntries([...Object.entries(copy), ['role', 'admin'], [key.toUpperCase(), value]]);
      }) },
    );
  }
  return fc.oneof(...variants);
}

/** Values every field of every action meets at least once (besides the random runs). */
export const CRITICAL_VALUES: unknown[] = ['a\u0000b', '\uD800', 'x'.repeat(10_001), '0x10', '1e1', '-0', 'NaN', '2147483648', NaN, -0, 2 ** 31, [], {}];

/** The valid input with one field set to each critical value, in turn. */
export function criticalInputs(base: Record<string, unknown>): Record<string, unknown>[] {
  return Object.keys(base).flatMap((key) => CRITICAL_VALUES.map((value) => ({ ...base, [key]: value })));
}

/** What a browser would send for `input` as a form: strings, repeated keys for lists, files for objects. */
export function asFormData(input: unknown): FormData | unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const form = new FormData();
  const append = (key: string, value: unknown) => {
    if (value === undefined) return;
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) form.append(key, new File([safeJson(value)], 'upload.json'));
    else form.append(key, String(value));
  };
  for (const [key, value] of Object.entries(input)) {
    if (Array.isArray(value)) value.slice(0, 50).forEach((v) => append(key, v));
    else append(key, value);
  }
  return form;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
  } catch {
    return String(value);
  }
}

/** A stack trace or a file position: an internal error leaking to the browser. */
export const STACK_RE = /\n\s+at\s|\bat\s+\S+\s+\(|\.(?:ts|tsx|js|mjs|cjs):\d+|node_modules|\b(?:Type|Reference|Syntax|Range)Error\b/;
/** What PostgreSQL, postgres.js, PGlite or Drizzle say when a query fails. */
export const SQL_RE =
  /\bselect\s[^]*?\bfrom\s|\binsert\s+into\b|\bupdate\s+"?\w+"?\s+set\b|\bdelete\s+from\b|\brelation\s+"|\bviolates\b|duplicate key|syntax error at|invalid input syntax|invalid byte sequence|out of range for type|null value in column|\bcolumn\s+"|\bSQLSTATE\b|PostgresError|Failed query|drizzle/i;
