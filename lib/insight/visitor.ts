import 'server-only';
import { cookies, headers } from 'next/headers';
import { parseLandingVisit, visitorFromCookies, VISIT_HEADER, type LandingVisit, type Visitor } from './visitor-cookies';

// The server side of the analytics cookie contract (see visitor-cookies.ts for the cookies themselves).
export * from './visitor-cookies';

/**
 * The current visitor for server components and actions: their consent, the anonymous visitor id and the
 * visit's attribution — both null/empty unless the visitor accepted analytics cookies.
 */
export async function readVisitor(): Promise<Visitor> {
  const jar = await cookies();
  return visitorFromCookies((name) => jar.get(name)?.value);
}

/** The visit this request starts (decided by proxy.ts), or null. */
export async function readLandingVisit(): Promise<LandingVisit | null> {
  return parseLandingVisit((await headers()).get(VISIT_HEADER));
}
