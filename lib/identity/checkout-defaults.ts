import 'server-only';
import type { DbOrTx } from '@/db/client';
import { getAccountSettings } from './account-queries';
import { getDefaultAddress } from './addresses';
import type { Actor } from './queries';

export interface CheckoutDefaults {
  email: string;
  name: string;
  phone: string;
  street?: string;
  postcode?: string;
  city?: string;
  pickupLocationId?: number | null;
}

/**
 * What the checkout form starts with for a signed-in customer: their contact details, their default
 * address (the address book) and their preferred store as the pickup store. Empty for anyone else.
 */
export async function checkoutDefaults(db: DbOrTx, actor: Actor | null): Promise<CheckoutDefaults> {
  if (actor?.role !== 'customer' || actor.customerId === null) return { email: '', name: '', phone: '' };
  const [settings, address] = await Promise.all([
    getAccountSettings(db, { userId: actor.userId, customerId: actor.customerId }),
    getDefaultAddress(db, actor.customerId),
  ]);
  return {
    email: actor.email,
    name: settings?.name ?? actor.name,
    phone: settings?.phone ?? '',
    street: address?.street,
    postcode: address?.postcode,
    city: address?.city,
    pickupLocationId: settings?.preferredLocationId ?? null,
  };
}
