// Pure and edge-safe: used by the sign-in/sign-up actions, their pages and Auth.js's redirect callback.

const BASE = 'http://app.invalid';
const MAX_LENGTH = 500;

/**
 * A redirect target that stays on this site, as a normalised path (`/account?tab=orders#x`), else
 * `fallback`. Checking "starts with / and not //" is not enough: browsers read `/\evil.example` as
 * `//evil.example`, strip tabs and newlines (`/\t/evil`), and a path like `/.//evil` normalises to
 * `//evil`. So: no backslashes, whitespace or control characters (raw or percent-encoded), the target
 * must parse against a placeholder origin and keep that origin, and the normalised result is checked
 * again. See https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html
 */
export function safeRedirectTarget(target: string | null | undefined, fallback = '/'): string {
  return checked(target) ?? fallback;
}

/**
 * For Auth.js's `redirect` callback: an absolute URL on `baseUrl` for a same-site target, else `baseUrl`.
 */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  let target = url;
  if (url.startsWith(`${base}/`)) target = url.slice(base.length);
  else if (url === base) return base;
  const safe = checked(target);
  return safe ? `${base}${safe}` : base;
}

function checked(target: string | null | undefined): string | null {
  if (typeof target !== 'string' || target.length === 0 || target.length > MAX_LENGTH) return null;
  if (!isLocalPath(target)) return null;
  // The path decides where a browser goes; a query may hold encoded spaces (`?q=red%20shoes`).
  const decodedPath = decodeRepeatedly(target.split(/[?#]/, 1)[0]);
  if (decodedPath === null || !isLocalPath(decodedPath)) return null;
  let parsed: URL;
  try {
    parsed = new URL(target, BASE);
  } catch {
    return null;
  }
  if (parsed.origin !== BASE) return null;
  const result = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return isLocalPath(result) ? result : null;
}

// One leading slash, not two; nothing a browser would reinterpret (backslash, whitespace, controls).
function isLocalPath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && !/[\\\s\u0000-\u001f\u007f]/.test(value);
}

// `/%2F%2Fevil` or `/%252F…` must not turn into `//evil` in some later decode (a proxy, another redirect).
function decodeRepeatedly(value: string): string | null {
  let current = value;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null; // malformed escapes: not a link we made
    }
    if (next === current) return current;
    current = next;
  }
  return /%[0-9a-f]{2}/i.test(current) ? null : current;
}
