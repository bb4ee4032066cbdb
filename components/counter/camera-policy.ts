// Whether a page may open the camera is decided by the Permissions-Policy of its document: the response
// of the page the browser loaded first. The camera is allowed only on the counter pages with a camera
// scanner (lib/security/headers.ts), so such a page reached by client-side navigation (a link from the
// sale screen) still runs under the sale screen's camera=(). It then loads itself afresh, once, and the
// scanner starts by itself when it is back.

const KEY = 'omnishop:camera-scan-after-load';

type PolicyDocument = { featurePolicy?: { allowsFeature(feature: string): boolean } };

interface BrowserSide {
  document: PolicyDocument;
  location: { pathname: string; search: string; reload(): void };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const browser = (): BrowserSide => ({ document: document as PolicyDocument, location, sessionStorage });

const here = (b: BrowserSide) => b.location.pathname + b.location.search;

/**
 * Before opening the camera: when this document's policy forbids it (Chromium says so through
 * document.featurePolicy; other browsers let getUserMedia answer), reloads the page to get its own policy
 * and returns true — the caller stops there. Not again right after such a reload (`afterReload`).
 */
export function reloadForCameraPolicy(afterReload: boolean, b: BrowserSide = browser()): boolean {
  const policy = b.document.featurePolicy;
  if (afterReload || !policy || policy.allowsFeature('camera')) return false;
  b.sessionStorage.setItem(KEY, here(b));
  b.location.reload();
  return true;
}

/** On mount: true (once) when this page was reloaded for the camera, so the scanner starts by itself. */
export function takeCameraScanRequest(b: BrowserSide = browser()): boolean {
  const requested = b.sessionStorage.getItem(KEY);
  if (requested === null) return false;
  b.sessionStorage.removeItem(KEY);
  return requested === here(b);
}
