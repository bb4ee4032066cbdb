import type { UserRole } from '@/db/schema/identity';

/** Where each role lands after signing in. */
export function homeFor(role: UserRole): string {
  return role === 'admin' ? '/admin' : role === 'clerk' ? '/counter' : '/';
}
