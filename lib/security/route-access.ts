/**
 * The declared access rule of every exported method of every route handler (app/**\/route.ts).
 * coverage.security.test.ts fails for a method without an entry and for an entry whose route or
 * method is gone; routes.security.test.ts calls each one as someone the rule must refuse.
 */
import type { UserRole } from '@/db/schema';

export type RouteRule =
  /** Anyone; `why` says what it reveals and why that is fine. Probed: no 5xx, no stack, no write. */
  | { rule: 'public'; why: string }
  /** Only a request signed by a third party (a payment provider). Probed unsigned and forged. */
  | { rule: 'signature'; why: string }
  /** Auth.js's own endpoints (its CSRF token, throttled credentials); covered by e2e/auth. */
  | { rule: 'auth'; why: string }
  /** Only whoever may see the resource (its customer, the browser that placed it, staff of its store). Probed anonymously: 404, nothing written. */
  | { rule: 'owner'; why: string }
  /** Only signed-in people with one of these roles. Probed as every other persona. */
  | { rule: 'roles'; roles: readonly UserRole[] };

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const AUTH: RouteRule = { rule: 'auth', why: 'Auth.js session, CSRF-token and credentials endpoints; sign-in throttled per account and address' };

export const ROUTE_ACCESS: Record<string, Partial<Record<HttpMethod, RouteRule>>> = {
  'app/api/auth/[...nextauth]/route.ts': { GET: AUTH, POST: AUTH },
  'app/api/health/route.ts': { GET: { rule: 'public', why: 'up or down only; details need the operator token' } },
  'app/api/health/live/route.ts': { GET: { rule: 'public', why: 'liveness: a constant answer, no data' } },
  'app/api/health/ready/route.ts': { GET: { rule: 'public', why: 'readiness for the load balancer: database reachable, migrations applied' } },
  'app/api/live/route.ts': { GET: { rule: 'public', why: 'the live stream; only topics the viewer may watch (lib/live/access.ts)' } },
  'app/api/payments/webhook/route.ts': { POST: { rule: 'signature', why: 'the payment provider’s webhook, HMAC-signed over the raw body' } },
  'app/api/admin/outbox/[id]/preview/route.ts': { GET: { rule: 'roles', roles: ['admin'] } },
  'app/api/admin/customers/[id]/export/route.ts': { GET: { rule: 'roles', roles: ['admin'] } },
  'app/api/admin/stock/ledger/route.ts': { GET: { rule: 'roles', roles: ['admin'] } },
  'app/api/admin/analytics/[table]/route.ts': { GET: { rule: 'roles', roles: ['admin'] } },
  'app/api/images/[...key]/route.ts': { GET: { rule: 'public', why: 'product photos the shop shows anyway; only keys of the image store (random UUIDs), read-only' } },
  'app/api/admin/products/export/route.ts': { GET: { rule: 'roles', roles: ['admin'] } },
  'app/api/admin/promotions/[id]/codes/route.ts': { GET: { rule: 'roles', roles: ['admin'] } },
  'app/(shop)/orders/[id]/invoice/route.ts': { GET: { rule: 'owner', why: 'the order’s invoice PDF, for its customer, the guest browser that placed it, or staff of its store' } },
  'app/(shop)/orders/[id]/returns/[returnId]/label/route.ts': { GET: { rule: 'owner', why: 'the return label PDF of a posted return, for the order’s customer or the guest browser that placed it' } },
  'app/(shop)/orders/[id]/credit-notes/[noteId]/route.ts': { GET: { rule: 'owner', why: 'a credit note PDF of the order, for whoever may see its invoice (customer, guest browser, staff of its store)' } },
  'app/(shop)/search/suggestions/route.ts': { GET: { rule: 'public', why: 'the header search suggestions: names, brands and slugs of active products the listing shows anyway; read-only' } },
  'app/(shop)/orders/[id]/open/route.ts': { GET: { rule: 'public', why: 'a guest’s signed, expiring link; without a valid token it only redirects' } },
};
