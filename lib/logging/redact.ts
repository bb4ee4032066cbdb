/**
 * What never reaches a log line: personal data (GDPR) and secrets. Applied to every object and string
 * the logger is given, before pino serializes it, so nothing depends on callers remembering.
 *
 * Keys are matched by name at any depth; strings are scrubbed for the shapes that leak by value
 * (an email in a Postgres "Key (email)=(…)" detail, the params line of a Drizzle "Failed query" error,
 * a connection string with a password, a bearer token).
 */
export const REDACTED = '[redacted]';

// Substrings of key names (case-insensitive). `name` alone is matched exactly below: it is both a
// person's name (checkout) and harmless elsewhere, but a log can do without either.
const SENSITIVE_KEY =
  /pass(word|wd|phrase)?|pwd|secret|token|authori[sz]ation|cookie|session|credential|signature|api[-_]?key|e-?mail|phone|mobile|address|street|postcode|postal|zip|iban|card|cvc|birth|first_?name|last_?name|full_?name|customer_?name|^name$|^ip$/i;

const TEXT_RULES: [RegExp, string][] = [
  // Drizzle's DrizzleQueryError: "Failed query: …\nparams: anna@example.com,$2b$10$…"
  [/(\bparams: ).*$/gm, `$1${REDACTED}`],
  // Postgres unique/foreign-key details: Key (email)=(anna@example.com) already exists.
  [/(Key \([^)]*\)=\().*?(\) )/g, `$1${REDACTED}$2`],
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s:@/]+:[^\s@/]+@/gi, `$1${REDACTED}@`],
  [/\b(bearer|basic)\s+[\w.~+/=-]+/gi, `$1 ${REDACTED}`],
  // Not across a '/': a path like node_modules/@scope/pkg or pkg@1.2.3/lib is no address.
  [/[^\s@"'<>(),;:=[\]/]+@[^\s@"'<>(),;:=[\]/]+\.[a-z]{2,}\b/gi, '[email]'],
];

const MAX_DEPTH = 8;

/** A string with emails, credentials in URLs, tokens and query parameters replaced. */
export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_RULES) out = out.replace(pattern, replacement);
  return out;
}

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/**
 * A copy of `value` fit for a log line: sensitive keys replaced, strings scrubbed, errors turned into
 * plain `{ type, message, stack, code, cause… }` (their own enumerable fields redacted too).
 * Never mutates its input; cycles and very deep nesting are cut.
 */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[truncated]';
  seen.add(value);
  try {
    if (value instanceof Date) return value.toISOString();
    if (value instanceof Error) return walkError(value, depth, seen);
    if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen));
    if (value instanceof Headers) return walk(Object.fromEntries(value.entries()), depth, seen);
    if (value instanceof Map) return walk(Object.fromEntries(value.entries()), depth, seen);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSensitiveKey(key) && item !== null && item !== undefined ? REDACTED : walk(item, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function walkError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.constructor?.name ?? error.name, message: scrubText(error.message) };
  if (error.stack) out.stack = scrubText(error.stack);
  for (const [key, item] of Object.entries(error)) {
    if (key in out) continue;
    out[key] = isSensitiveKey(key) && item !== null && item !== undefined ? REDACTED : walk(item, depth + 1, seen);
  }
  // `cause` is not enumerable when set through the Error constructor; Drizzle puts the driver's error there.
  if (error.cause !== undefined && !('cause' in out)) out.cause = walk(error.cause, depth + 1, seen);
  return out;
}
