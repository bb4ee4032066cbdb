import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { STAFF_ROLES } from './schemas';

export interface StaffMemberDto {
  id: number;
  name: string;
  email: string;
  role: 'clerk' | 'admin';
  storeId: number | null;
  storeName: string | null;
  disabled: boolean;
}

const columns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  storeId: users.locationId,
  storeName: locations.name,
  disabled: users.disabled,
};

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

/** Every clerk and admin account, active ones first, then by role and name. Admins only. */
export async function listStaff(db: DbOrTx, actor: Actor): Promise<StaffMemberDto[]> {
  assertAdmin(actor);
  const rows = await db
    .select(columns)
    .from(users)
    .leftJoin(locations, eq(locations.id, users.locationId))
    .where(inArray(users.role, [...STAFF_ROLES]))
    .orderBy(asc(users.disabled), asc(users.role), asc(users.name), asc(users.id));
  return rows as StaffMemberDto[];
}

/** One staff account (never a customer's), or null. Admins only. */
export async function getStaffMember(db: DbOrTx, actor: Actor, id: number): Promise<StaffMemberDto | null> {
  assertAdmin(actor);
  const [row] = await db
    .select(columns)
    .from(users)
    .leftJoin(locations, eq(locations.id, users.locationId))
    .where(and(eq(users.id, id), inArray(users.role, [...STAFF_ROLES])));
  return (row as StaffMemberDto | undefined) ?? null;
}
