import { randomUUID } from 'node:crypto';
import { getActor } from '@/lib/auth/session';
import { headerCartState } from '@/lib/carts/web-cart';
import { getDb } from '@/lib/db';
import { CartClaim } from './cart-claim';
import { CartCountLink } from './cart-count';
import { CartMergeNotice } from './cart-merge-notice';

/** The header's cart link with the number of items; also merges an anonymous cart after sign-in. */
export async function CartLink() {
  const { count, unclaimed } = await headerCartState(getDb(), await getActor());
  return (
    <>
      {unclaimed && <CartClaim />}
      <CartMergeNotice />
      <CartCountLink count={count} renderId={randomUUID()} />
    </>
  );
}
