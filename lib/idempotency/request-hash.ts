import { createHash } from 'node:crypto';

/**
 * A stable fingerprint of a request's meaningful fields, stored beside its idempotency key. The rule
 * payment providers document: the same key with the same parameters returns the first result; the same
 * key with other parameters is an error (https://docs.stripe.com/api/idempotent_requests). Keys are
 * sorted, `undefined` and `null` count as absent, so an object built in another order hashes the same.
 */
export function requestHash(fields: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(fields)).digest('base64url');
}

function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
