'use server';

import { z } from 'zod';
import { access, action } from '@/lib/actions/action';
import { DomainError } from '@/lib/errors';
import { getGeocoder } from '@/lib/geo/geocoder';
import { ORIGIN_COOKIE, ORIGIN_COOKIE_MAX_AGE_S, resolveShopperOrigin, type OriginError } from '@/lib/geo/shopper-origin';
import { setAppCookie } from '@/lib/http/cookies';

const ERROR_CODES: Record<OriginError, { code: string; field: string }> = {
  required: { code: 'postcodeRequired', field: 'postcode' },
  invalid: { code: 'postcodeInvalid', field: 'postcode' },
  unknown: { code: 'postcodeUnknown', field: 'postcode' },
  location: { code: 'locationOutside', field: 'postcode' },
};

const shopperOriginSchema = z
  .object({
    postcode: z.string().max(20).optional(),
    /** "lat,lon" from the browser's geolocation, rounded by the client. */
    near: z.string().max(40).optional(),
  })
  .strict();

/**
 * The store finder's search: a postcode (or the browser's location) becomes the shopper's origin,
 * remembered in a cookie so the stores page and every product page list stores nearest first. An
 * invalid search is a localized field error and leaves the cookie as it was. Setting the cookie makes
 * Next re-render the page the form is on.
 */
export const setShopperOriginAction = action(
  { schema: shopperOriginSchema, access: access.public },
  async ({ postcode, near }) => {
    // A typed postcode wins over a location sent with it; nothing at all is "enter a postcode".
    const request = near !== undefined && !postcode ? { near } : { postcode: postcode ?? '' };
    const { error, remember } = await resolveShopperOrigin(request, getGeocoder());
    if (error || !remember) {
      const { code, field } = ERROR_CODES[error ?? 'required'];
      throw new DomainError(code, {}, field);
    }
    // Readable by no script (httpOnly): the pages read it on the server.
    await setAppCookie(ORIGIN_COOKIE, remember, { maxAgeS: ORIGIN_COOKIE_MAX_AGE_S });
  },
);
