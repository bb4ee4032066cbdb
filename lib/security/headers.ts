// The security headers of every response, built in one place (used by proxy.ts; tested on their own).
// Pure: no Next, no Node APIs, so the proxy can call it on any runtime.

export interface SecurityHeaderContext {
  pathname: string;
  /** Fresh per request (createNonce); Next reads it from the request's CSP and puts it on its scripts. */
  nonce: string;
  /** `next dev`: React needs eval for its debug stacks, the dev overlay inline styles. */
  dev: boolean;
  /** The browser reached us over https (lib/http/request-origin.ts). */
  https: boolean;
  production: boolean;
}

/**
 * The counter pages that open the camera scanner, and only those may ask for the camera: "Load a cart"
 * (components/counter/qr-scanner.tsx, via load-cart-form) and the returns search
 * (components/counter/returns/barcode-scanner.tsx). The sale screen's scanner is a keyboard wedge.
 */
export const CAMERA_SCAN_PATHS = ['/counter/load-cart', '/counter/returns'] as const;

export function isCameraScanPath(pathname: string): boolean {
  return (CAMERA_SCAN_PATHS as readonly string[]).includes(pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname);
}

/**
 * A strict, nonce-based CSP (https://web.dev/articles/strict-csp): scripts only with this response's
 * nonce, and what they load ('strict-dynamic' — Next's chunks); no plugins, no <base>, no framing, forms
 * only to us. Images are our own files (product SVGs), data: and blob: URLs; styles our own stylesheets.
 * Server actions, the live stream and the HMR socket in dev all go to our own origin.
 */
export function contentSecurityPolicy(ctx: Pick<SecurityHeaderContext, 'nonce' | 'dev' | 'https'>): string {
  const nonce = `'nonce-${ctx.nonce}'`;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", nonce, "'strict-dynamic'", ...(ctx.dev ? ["'unsafe-eval'"] : [])],
    // Dev: the overlay sets style attributes, which no nonce can allow ('unsafe-inline' is ignored next to a nonce).
    ['style-src', "'self'", ...(ctx.dev ? ["'unsafe-inline'"] : [nonce])],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(ctx.dev ? ['ws:', 'wss:'] : [])],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    // Over plain http (next start on a laptop, the e2e server) it would rewrite our own URLs to https.
    ...(ctx.https ? ([['upgrade-insecure-requests']] as [string][]) : []),
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The admin outbox's preview of an email: a document of its own, framed only by our admin page. */
export function isMessagePreviewPath(pathname: string): boolean {
  return /^\/api\/admin\/outbox\/[^/]+\/preview$/.test(pathname);
}

/**
 * An email's HTML as mail clients render it: inline styles and data: images, nothing that runs, and a
 * `sandbox` of its own on top of the iframe's.
 */
export const MESSAGE_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

/** The pages with the store finder's "Use my location": the stores page and a product's page. */
export function isStoreFinderPath(pathname: string): boolean {
  return pathname === '/stores' || /^\/products\/[^/]+$/.test(pathname);
}

/**
 * Powerful features: denied everywhere; the camera for our own counter pages with a camera scanner, the
 * location for our own pages with the store finder. The policy is the document's: a scanner page reached
 * by client-side navigation reloads itself once to get its own (components/counter/camera-policy.ts).
 */
export function permissionsPolicy(pathname: string): string {
  const camera = isCameraScanPath(pathname) ? 'camera=(self)' : 'camera=()';
  const geolocation = isStoreFinderPath(pathname) ? 'geolocation=(self)' : 'geolocation=()';
  return [camera, 'microphone=()', geolocation, 'payment=()', 'usb=()'].join(', ');
}

/** Every security header of a response, by lower-case name. */
export function securityHeaders(ctx: SecurityHeaderContext): Record<string, string> {
  const preview = isMessagePreviewPath(ctx.pathname);
  const headers: Record<string, string> = {
    'content-security-policy': preview ? MESSAGE_PREVIEW_CSP : contentSecurityPolicy(ctx),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': permissionsPolicy(ctx.pathname),
    // For browsers without CSP frame-ancestors.
    'x-frame-options': preview ? 'SAMEORIGIN' : 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
  // Only where the browser saw https, or it would pin a site that cannot answer on https.
  if (ctx.production && ctx.https)
    headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

/** 128 random bits, base64 (the nonce-source grammar allows base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
