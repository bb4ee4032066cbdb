import { describe, expect, it, vi } from 'vitest';
import { reloadForCameraPolicy, takeCameraScanRequest } from './camera-policy';

/** A tab: the document's camera policy (undefined = a browser without document.featurePolicy) and its URL. */
function tab(camera: boolean | undefined, pathname = '/counter/load-cart', search = '') {
  const store = new Map<string, string>();
  return {
    document: camera === undefined ? {} : { featurePolicy: { allowsFeature: (f: string) => f !== 'camera' || camera } },
    location: { pathname, search, reload: vi.fn() },
    sessionStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  };
}

describe('a camera scanner page under another page’s Permissions-Policy', () => {
  it('reloads once when the document forbids the camera (reached by client-side navigation), then starts by itself', () => {
    const t = tab(false, '/counter/returns', '?q=x');
    expect(reloadForCameraPolicy(false, t)).toBe(true);
    expect(t.location.reload).toHaveBeenCalledTimes(1);
    // The fresh load of the page: its own policy, and the scan the clerk asked for.
    t.document = { featurePolicy: { allowsFeature: () => true } };
    expect(takeCameraScanRequest(t)).toBe(true);
    expect(takeCameraScanRequest(t)).toBe(false); // once
    expect(reloadForCameraPolicy(true, t)).toBe(false);
  });

  it('does not reload when the camera is allowed, the browser has no policy API, or right after such a reload', () => {
    for (const [camera, afterReload] of [[true, false], [undefined, false], [false, true]] as const) {
      const t = tab(camera);
      expect(reloadForCameraPolicy(afterReload, t)).toBe(false);
      expect(t.location.reload).not.toHaveBeenCalled();
      expect(takeCameraScanRequest(t)).toBe(false);
    }
  });

  it('does not start the camera on another page than the one it reloaded', () => {
    const t = tab(false, '/counter/load-cart');
    reloadForCameraPolicy(false, t);
    t.location.pathname = '/counter';
    expect(takeCameraScanRequest(t)).toBe(false);
  });
});
