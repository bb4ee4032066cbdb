import { randomUUID } from 'node:crypto';
import { getActor } from '@/lib/auth/session';
import { countCartItems, currentWebCartId, hasUnclaimedCart } from '@/lib/carts/web-cart';
import { getDb } from '@/lib/db';
import { CartClaim } from './cart-claim';
import { CartCountLink } from './cart-count';
import { CartMergeNotice } from './cart-merge-notice';

/** The header's cart link with the number of items; also merges an anonymous cart after sign-in. */
export async function CartLink() {
  const db = getDb();
  const actor = await getActor();
  const [count, unclaimed] = await Promise.all([
    currentWebCartId(db, actor).then((id) => countCartItems(db, id)),
    hasUnclaimedCart(db, actor),
  ]);
  return (
    <>
      {unclaimed && <CartClaim />}
      <CartMergeNotice />
      <CartCountLink count={count} renderId={randomUUID()} />
    </>
  );
}
