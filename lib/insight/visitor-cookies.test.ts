import { describe, expect, it } from 'vitest';
import {
  ATTRIBUTION_COOKIE,
  CONSENT_COOKIE,
  parseAttribution,
  planLanding,
  serializeAttribution,
  VISITOR_COOKIE,
  visitorFromCookies,
  type LandingRequest,
} from './visitor-cookies';

const NOW = new Date('2026-05-01T10:00:00Z');
const VID = '0b4f7a52-6a1e-4a43-9c1a-2f1f9b1c7d10';
const jar = (cookies: Record<string, string>) => (name: string) => cookies[name];

function page(url: string, cookies: Record<string, string>, headers: Record<string, string> = { 'sec-fetch-dest': 'document' }): LandingRequest {
  return { method: 'GET', url: new URL(url), headers: new Headers(headers), cookie: jar(cookies) };
}

describe('visitor cookies (consent honoured)', () => {
  it('reads no visitor id or source without consent "all", even when the cookies are there', () => {
    const stale = { [VISITOR_COOKIE]: VID, [ATTRIBUTION_COOKIE]: serializeAttribution({ source: 'x', medium: null, campaign: null, referrer: null }, NOW) };
    expect(visitorFromCookies(jar(stale), NOW)).toMatchObject({ consent: 'essential', decided: false, visitorId: null, attribution: { source: null } });
    expect(visitorFromCookies(jar({ ...stale, [CONSENT_COOKIE]: 'essential' }), NOW)).toMatchObject({ decided: true, visitorId: null });
    expect(visitorFromCookies(jar({ ...stale, [CONSENT_COOKIE]: 'all' }), NOW)).toMatchObject({ consent: 'all', visitorId: VID, attribution: { source: 'x' } });
  });

  it('ignores a forged visitor id and an attribution older than 30 days', () => {
    expect(visitorFromCookies(jar({ [CONSENT_COOKIE]: 'all', [VISITOR_COOKIE]: "x' or 1=1" }), NOW).visitorId).toBeNull();
    const old = serializeAttribution({ source: 'ad', medium: null, campaign: null, referrer: null }, new Date('2026-03-01T00:00:00Z'));
    expect(parseAttribution(old, NOW)).toBeNull();
    expect(parseAttribution('{not json', NOW)).toBeNull();
  });
});

describe('planLanding (proxy.ts)', () => {
  it('does nothing without consent "all"', () => {
    expect(planLanding(page('https://shop.test/?utm_source=newsletter', {}), NOW, () => VID)).toBeNull();
    expect(planLanding(page('https://shop.test/?utm_source=newsletter', { [CONSENT_COOKIE]: 'essential' }), NOW, () => VID)).toBeNull();
  });

  it('starts a visit with the utm source and an external referrer; later pages keep it', () => {
    const first = planLanding(
      page('https://shop.test/products/x?utm_source=newsletter&utm_medium=email&utm_campaign=spring', { [CONSENT_COOKIE]: 'all' }, {
        'sec-fetch-dest': 'document',
        referer: 'https://mail.example.com/inbox?q=secret',
      }),
      NOW,
      () => VID,
    );
    expect(first).toMatchObject({ visitorId: VID, newVisitor: true });
    expect(first?.visit?.landing.attribution).toEqual({ source: 'newsletter', medium: 'email', campaign: 'spring', referrer: 'https://mail.example.com/inbox' });
    const cookies = { [CONSENT_COOKIE]: 'all', [VISITOR_COOKIE]: VID, [ATTRIBUTION_COOKIE]: first!.visit!.cookie };
    const next = planLanding(page('https://shop.test/cart', cookies, { 'sec-fetch-dest': 'document', referer: 'https://shop.test/products/x' }), NOW, () => 'new');
    expect(next).toEqual({ visitorId: VID, newVisitor: false, visit: null });
  });

  it('ignores RSC fetches, prefetches, action posts, assets and the staff surfaces', () => {
    const all = { [CONSENT_COOKIE]: 'all' };
    expect(planLanding(page('https://shop.test/?utm_source=a', all, { rsc: '1' }), NOW, () => VID)).toBeNull();
    expect(planLanding(page('https://shop.test/?utm_source=a', all, { 'sec-fetch-dest': 'empty' }), NOW, () => VID)).toBeNull();
    expect(planLanding(page('https://shop.test/admin?utm_source=a', all), NOW, () => VID)).toBeNull();
    expect(planLanding(page('https://shop.test/favicon.ico', all), NOW, () => VID)).toBeNull();
    expect(planLanding({ ...page('https://shop.test/', all), method: 'POST' }, NOW, () => VID)).toBeNull();
  });
});
