'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { claimCartAction } from '@/lib/carts/actions';
import { announceCartMerge } from './cart-merge-notice';

/**
 * Rendered once after sign-in while the browser still holds an anonymous cart: merges it into the
 * customer's own cart (server side) and refreshes, so the cart follows the shopper. Lines that could not
 * come along are announced once by CartMergeNotice (which outlives this component's refresh).
 */
export function CartClaim() {
  const router = useRouter();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    void claimCartAction({}).then((result) => {
      if (result.ok && result.message) announceCartMerge(result.message);
      if (result.ok) router.refresh();
    });
  }, [router]);
  return null;
}
