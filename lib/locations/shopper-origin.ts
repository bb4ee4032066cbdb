import 'server-only';
import { cookies } from 'next/headers';
import { getGeocoder } from '@/lib/geo/geocoder';
import { ORIGIN_COOKIE, resolveShopperOrigin, type ShopperOrigin } from '@/lib/geo/shopper-origin';

/** The origin the shopper searched from last (the finder's cookie), or null. */
export async function rememberedShopperOrigin(): Promise<ShopperOrigin | null> {
  const remembered = (await cookies()).get(ORIGIN_COOKIE)?.value;
  return (await resolveShopperOrigin({ remembered }, getGeocoder())).origin;
}
