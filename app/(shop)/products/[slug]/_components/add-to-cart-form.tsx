'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { announceCartCount } from '@/components/shop/cart-count';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { addToCartAction } from '@/lib/carts/actions';

/** Adds one unit of the chosen variant. The page keys it by variant, so a new choice clears the message. */
export function AddToCartForm({ variantId, available }: { variantId: number; available: boolean }) {
  const t = useTranslations('shop.product');
  const [state, formAction] = useActionState(addToCartAction, null);
  const itemCount = state?.ok ? state.data?.itemCount : undefined;
  useEffect(() => {
    if (itemCount !== undefined) announceCartCount(itemCount);
  }, [state, itemCount]);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="quantity" value="1" />
      <SubmitButton
        size="lg"
        className="w-full sm:w-auto sm:min-w-56"
        disabled={!available}
        pendingLabel={t('adding')}
      >
        {available ? t('addToCart') : t('outOfStock')}
      </SubmitButton>
      <FormMessage state={state} />
      {state?.ok && (
        <Link
          href="/cart"
          className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {t('viewCart')} →
        </Link>
      )}
    </form>
  );
}
