import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import type { UserRole } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { getSessionActor, type Actor } from '@/lib/identity/queries';
import { auth } from './auth';

/**
 * The signed-in person, or null. The JWT only says who; role, store and whether the account is still
 * enabled come from the database, so disabling a clerk or changing a role takes effect at once.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  // A token minted before a sign-out or a role/store/password change is no longer valid.
  return getSessionActor(getDb(), { userId, sessionVersion: session?.user.sessionVersion });
});

export type RoleRequirement = readonly UserRole[];

/** Who may use the counter and who may use the admin console — one place for each. */
export const COUNTER_ROLES = ['clerk', 'admin'] as const satisfies RoleRequirement;
export const ADMIN_ROLES = ['admin'] as const satisfies RoleRequirement;

export function hasRole(actor: Actor | null, roles: RoleRequirement): actor is Actor {
  return !!actor && roles.includes(actor.role);
}

/** For actions and route handlers: the actor if allowed, else a DomainError (never a redirect). */
export async function authorize(roles: RoleRequirement): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new DomainError('unauthenticated');
  if (!roles.includes(actor.role)) throw new DomainError('forbidden');
  return actor;
}

/** For pages: redirects to sign-in when anonymous, answers 403 when signed in with the wrong role. */
export async function requirePageRole(roles: RoleRequirement, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(actor.role)) forbidden();
  return actor;
}
