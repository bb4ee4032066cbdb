import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether a request carries `Authorization: Bearer <OPERATOR_TOKEN>`. Without the variable nobody is an
 * operator. Both sides are hashed first so the comparison takes the same time whatever the length or
 * the first differing byte (timingSafeEqual needs equal lengths).
 */
export function isOperatorRequest(headers: Headers, token = process.env.OPERATOR_TOKEN): boolean {
  if (!token) return false;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  if (!match) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
