/**
 * The unique index a failed insert/update ran into (PostgreSQL 23505), or null. postgres.js and PGlite
 * both name it in the message ('… violates unique constraint "variants_sku_idx"'); the causes are
 * walked because drizzle wraps the driver's error.
 */
export function violatedUniqueIndex(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, message, constraint_name: name } = e as { code?: unknown; message?: unknown; constraint_name?: unknown };
    if (code !== '23505') continue;
    if (typeof name === 'string') return name;
    const m = typeof message === 'string' ? /unique constraint "([^"]+)"/.exec(message) : null;
    return m ? m[1] : 'unknown';
  }
  return null;
}

/** Cents as the audit log's summary shows them ("89,95"): one fixed format, not the reader's locale. */
export function centsText(cents: number): string {
  return `€ ${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** Cents as a price field's starting value ("89,95"), which priceSchema reads back exactly. */
export function centsInput(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
