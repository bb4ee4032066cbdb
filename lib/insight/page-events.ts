import 'server-only';
import { after } from 'next/server';
import { getDb } from '@/lib/db';
import { log } from '@/lib/logging/logger';
import { recordEvent, type Touchpoint } from './events';
import { readLandingVisit, readVisitor } from './visitor';

/**
 * A web page's touchpoint (product_view, checkout_started), written after the response is sent so it
 * never slows the page; the cookies are read now (request APIs are not available inside `after` in a
 * server component). A failed write is logged, never shown.
 * https://nextjs.org/docs/app/api-reference/functions/after
 */
export async function trackPageEvent(e: Omit<Touchpoint, 'channel' | 'visitorId' | 'attribution'> & { channel?: 'web' | 'store' }): Promise<void> {
  const visitor = await readVisitor();
  after(() =>
    recordEvent(getDb(), { channel: 'web', ...e, visitorId: visitor.visitorId, attribution: visitor.attribution }).catch((err: unknown) =>
      log.warn({ err, type: e.type }, 'touchpoint not recorded'),
    ),
  );
}

/** The visit this request starts (proxy.ts decided, consent 'all'), recorded after the response. */
export async function trackLandingVisit(customerId: number | null): Promise<void> {
  const landing = await readLandingVisit();
  if (!landing) return;
  after(() =>
    recordEvent(getDb(), { type: 'visit', channel: 'web', visitorId: landing.visitorId, customerId, attribution: landing.attribution }).catch(
      (err: unknown) => log.warn({ err }, 'visit not recorded'),
    ),
  );
}
