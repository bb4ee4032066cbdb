import 'server-only';
import { cookies, headers } from 'next/headers';
import { isHttpsRequest } from './request-origin';

// Every cookie the app sets itself (cart, guest orders, counter store, language) goes through here, so
// each one is Secure whenever the browser talks https — decided once, in request-origin.ts.

export interface AppCookie {
  maxAgeS: number;
  /** Default true: no script of the app reads its cookies. */
  httpOnly?: boolean;
}

/** The options an app cookie is set with for a request with these headers. */
export function appCookieOptions(
  requestHeaders: Headers,
  cookie: AppCookie,
  env: Record<string, string | undefined> = process.env,
) {
  return {
    httpOnly: cookie.httpOnly ?? true,
    sameSite: 'lax' as const,
    secure: isHttpsRequest(requestHeaders, env),
    path: '/',
    maxAge: cookie.maxAgeS,
  };
}

/** Sets an app cookie on the response. Only in server actions and route handlers (pages cannot set cookies). */
export async function setAppCookie(name: string, value: string, cookie: AppCookie): Promise<void> {
  (await cookies()).set(name, value, appCookieOptions(await headers(), cookie));
}
