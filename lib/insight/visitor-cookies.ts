// The analytics cookie contract (S13), pure so proxy.ts, server code and tests share it. First-party only:
//   omnishop_consent = 'all' | 'essential' (absent: not decided yet, treated as essential)
//   omnishop_vid     = a random UUID, the anonymous visitor — only with consent 'all' (1 year)
//   omnishop_src     = the visit's attribution JSON, captured on landing — only with consent 'all'
//                      (a session cookie; its `at` caps it at 30 days when a browser restores sessions)
// With 'essential' (or no decision) neither analytics cookie is set nor read: events carry no visitor id.

export const CONSENT_COOKIE = 'omnishop_consent';
export const VISITOR_COOKIE = 'omnishop_vid';
export const ATTRIBUTION_COOKIE = 'omnishop_src';
/** Request header proxy.ts sets (and strips from clients) when a request starts a visit; JSON `LandingVisit`. */
export const VISIT_HEADER = 'x-omnishop-visit';

export const CONSENT_MAX_AGE_S = 60 * 60 * 24 * 365;
export const VISITOR_MAX_AGE_S = 60 * 60 * 24 * 365;
export const ATTRIBUTION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export type Consent = 'all' | 'essential';
/** What the shopper decided; null while undecided (the banner shows, analytics stay off). */
export type ConsentChoice = Consent | null;

/** Where a visit came from: utm parameters of the landing URL and an external referrer (origin + path). */
export interface Attribution {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  referrer: string | null;
}

export const NO_ATTRIBUTION: Attribution = { source: null, medium: null, campaign: null, referrer: null };

export interface Visitor {
  /** The stored decision, 'essential' when none yet (nothing analytic happens before a choice). */
  consent: Consent;
  decided: boolean;
  /** Only with consent 'all'. */
  visitorId: string | null;
  /** The current visit's source; all null without consent or for a direct visit. */
  attribution: Attribution;
}

/** A visit that starts with this request, handed from proxy.ts to the page that records it. */
export interface LandingVisit {
  visitorId: string;
  attribution: Attribution;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD_MAX = 200;
const REFERRER_MAX = 500;

export function parseConsent(value: string | null | undefined): ConsentChoice {
  return value === 'all' || value === 'essential' ? value : null;
}

export function parseVisitorId(value: string | null | undefined): string | null {
  return value && UUID_RE.test(value) ? value.toLowerCase() : null;
}

function clean(value: unknown, max = FIELD_MAX): string | null {
  if (typeof value !== 'string') return null;
  // Control characters never belong in a source label; they are dropped rather than stored.
  const text = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return text ? text.slice(0, max) : null;
}

/** An attribution with every field cleaned (trimmed, length-capped, non-strings → null). */
export function normalizeAttribution(value: Partial<Record<keyof Attribution, unknown>>): Attribution {
  return {
    source: clean(value.source),
    medium: clean(value.medium),
    campaign: clean(value.campaign),
    referrer: clean(value.referrer, REFERRER_MAX),
  };
}

export function hasAttribution(a: Attribution): boolean {
  return a.source !== null || a.medium !== null || a.campaign !== null || a.referrer !== null;
}

/** The cookie value: the attribution plus when the visit began. */
export function serializeAttribution(a: Attribution, now: Date): string {
  return JSON.stringify({ ...a, at: now.getTime() });
}

/** The stored attribution, or null when absent, malformed or older than 30 days. */
export function parseAttribution(value: string | null | undefined, now: Date = new Date()): Attribution | null {
  if (!value) return null;
  try {
    const raw: unknown = JSON.parse(value);
    if (!raw || typeof raw !== 'object') return null;
    const at = (raw as { at?: unknown }).at;
    if (typeof at !== 'number' || now.getTime() - at > ATTRIBUTION_MAX_AGE_MS || at > now.getTime() + 60_000) return null;
    return normalizeAttribution(raw as Record<string, unknown>);
  } catch {
    return null;
  }
}

/** The referrer worth keeping: another site's origin + path (no query: it may hold search terms). */
export function externalReferrer(referer: string | null | undefined, ownHost: string): string | null {
  if (!referer) return null;
  try {
    const url = new URL(referer);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.host.toLowerCase() === ownHost.toLowerCase()) return null;
    return clean(`${url.origin}${url.pathname === '/' ? '' : url.pathname}`, REFERRER_MAX);
  } catch {
    return null;
  }
}

/** The attribution a landing on `url` from `referer` carries (all null for a direct visit). */
export function attributionFromLanding(url: URL, referer: string | null | undefined): Attribution {
  const q = url.searchParams;
  return normalizeAttribution({
    source: q.get('utm_source'),
    medium: q.get('utm_medium'),
    campaign: q.get('utm_campaign'),
    referrer: externalReferrer(referer, url.host),
  });
}

/** The visitor as the cookies say, honouring consent: nothing analytic is read without 'all'. */
export function visitorFromCookies(get: (name: string) => string | undefined, now: Date = new Date()): Visitor {
  const choice = parseConsent(get(CONSENT_COOKIE));
  if (choice !== 'all') {
    return { consent: 'essential', decided: choice !== null, visitorId: null, attribution: NO_ATTRIBUTION };
  }
  return {
    consent: 'all',
    decided: true,
    visitorId: parseVisitorId(get(VISITOR_COOKIE)),
    attribution: parseAttribution(get(ATTRIBUTION_COOKIE), now) ?? NO_ATTRIBUTION,
  };
}

export function parseLandingVisit(value: string | null | undefined): LandingVisit | null {
  if (!value) return null;
  try {
    const raw = JSON.parse(value) as { visitorId?: unknown; attribution?: unknown };
    const visitorId = parseVisitorId(typeof raw.visitorId === 'string' ? raw.visitorId : null);
    if (!visitorId || !raw.attribution || typeof raw.attribution !== 'object') return null;
    return { visitorId, attribution: normalizeAttribution(raw.attribution as Record<string, unknown>) };
  } catch {
    return null;
  }
}

export interface LandingRequest {
  method: string;
  url: URL;
  headers: Headers;
  cookie: (name: string) => string | undefined;
}

export interface LandingPlan {
  /** A new visitor cookie to set (the visitor had none). */
  visitorId: string;
  newVisitor: boolean;
  /** Set when this request starts a visit: the attribution cookie value and the visit to record. */
  visit: { cookie: string; landing: LandingVisit } | null;
}

const NOT_SHOP = /^\/(api|admin|counter|_next)(\/|$)/;

/** A browser navigating to a page (not an RSC fetch, prefetch, action POST or asset). */
export function isPageNavigation(req: Pick<LandingRequest, 'method' | 'url' | 'headers'>): boolean {
  if (req.method !== 'GET') return false;
  if (NOT_SHOP.test(req.url.pathname) || /\.[a-z0-9]+$/i.test(req.url.pathname)) return false;
  const h = req.headers;
  if (h.has('rsc') || h.has('next-router-prefetch') || h.has('next-action') || h.get('purpose') === 'prefetch') return false;
  const dest = h.get('sec-fetch-dest');
  if (dest) return dest === 'document';
  return (h.get('accept') ?? '').includes('text/html');
}

/**
 * What proxy.ts does for analytics on this request: nothing without consent 'all' or for anything but a
 * page navigation; otherwise keep (or mint) the visitor id, and start a visit when there is no current
 * one or the landing carries a new source (utm parameters or another site's referrer).
 */
export function planLanding(req: LandingRequest, now: Date, newId: () => string): LandingPlan | null {
  if (parseConsent(req.cookie(CONSENT_COOKIE)) !== 'all' || !isPageNavigation(req)) return null;
  const existing = parseVisitorId(req.cookie(VISITOR_COOKIE));
  const visitorId = existing ?? newId();
  const incoming = attributionFromLanding(req.url, req.headers.get('referer'));
  const current = parseAttribution(req.cookie(ATTRIBUTION_COOKIE), now);
  const startsVisit = current === null || hasAttribution(incoming);
  return {
    visitorId,
    newVisitor: existing === null,
    visit: startsVisit
      ? { cookie: serializeAttribution(incoming, now), landing: { visitorId, attribution: incoming } }
      : null,
  };
}
