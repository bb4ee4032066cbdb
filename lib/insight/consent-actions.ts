'use server';

import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { appCookieOptions } from '@/lib/http/cookies';
import { requestClientAddress } from '@/lib/rate-limit/public-limits';
import { takeRateLimit } from '@/lib/rate-limit/rate-limit';
import { setConsentSchema } from './consent-schemas';
import { linkVisitorToCustomer, recordEvent } from './events';
import {
  ATTRIBUTION_COOKIE,
  CONSENT_COOKIE,
  CONSENT_MAX_AGE_S,
  externalReferrer,
  normalizeAttribution,
  parseAttribution,
  parseVisitorId,
  serializeAttribution,
  VISITOR_COOKIE,
  VISITOR_MAX_AGE_S,
} from './visitor-cookies';

// Each accepted consent that starts a visit writes one event row: bounded per address (the choice itself
// is always saved; only the visit row is skipped past the limit).
const VISIT_PER_ADDRESS = { bucket: 'consent-visit:address', limit: 30, windowMs: 10 * 60_000 } as const;

/**
 * The cookie banner / cookie settings: saves the shopper's choice. 'essential' removes the analytics
 * cookies at once; 'all' gives a visitor id and starts the visit with the landing's source (which the
 * banner carried, since nothing could be stored before consent), linked to the signed-in customer.
 */
export const setConsentAction = action({ schema: setConsentSchema, access: access.public }, async (input, { actor, t }) => {
  const jar = await cookies();
  const requestHeaders = await headers();
  const options = (maxAgeS: number) => appCookieOptions(requestHeaders, { maxAgeS });
  jar.set(CONSENT_COOKIE, input.choice, options(CONSENT_MAX_AGE_S));
  if (input.choice === 'essential') {
    jar.delete(VISITOR_COOKIE);
    jar.delete(ATTRIBUTION_COOKIE);
    revalidatePath('/', 'layout');
    return { message: t('shop.consent.savedEssential') };
  }

  const now = new Date();
  const existing = parseVisitorId(jar.get(VISITOR_COOKIE)?.value);
  const visitorId = existing ?? randomUUID();
  if (!existing) jar.set(VISITOR_COOKIE, visitorId, options(VISITOR_MAX_AGE_S));
  const customerId = actor?.role === 'customer' ? actor.customerId : null;
  const db = getDb();
  if (!parseAttribution(jar.get(ATTRIBUTION_COOKIE)?.value, now)) {
    const host = requestHeaders.get('host') ?? '';
    const attribution = normalizeAttribution({ ...input, referrer: externalReferrer(input.referrer, host) });
    // The visit's source lasts the browser session (no max-age).
    const { maxAge: _session, ...sessionOptions } = options(0);
    jar.set(ATTRIBUTION_COOKIE, serializeAttribution(attribution, now), sessionOptions);
    const address = await requestClientAddress();
    const allowed = address === null || (await takeRateLimit(db, { ...VISIT_PER_ADDRESS, key: address }, now)).allowed;
    if (allowed) await recordEvent(db, { type: 'visit', channel: 'web', visitorId, customerId, attribution, occurredAt: now });
  }
  await linkVisitorToCustomer(db, visitorId, customerId);
  revalidatePath('/', 'layout');
  return { message: t('shop.consent.savedAll') };
});
