'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { removeLineAction, setLineQuantityAction } from '@/lib/carts/actions';

const stepClass =
  'size-11 shrink-0 rounded-lg bg-white text-lg font-medium ring-1 ring-stone-300 hover:bg-stone-100 disabled:opacity-50';

/**
 * Quantity (−, typed number + Update, +) and Remove for one cart line. Each is a small form posting a
 * server action, so it works before hydration too; the page re-renders with the new prices.
 */
export function LineControls({
  variantId,
  quantity,
  productName,
}: {
  variantId: number;
  quantity: number;
  productName: string;
}) {
  const t = useTranslations('shop.cart');
  const [quantityState, setQuantity] = useActionState(setLineQuantityAction, null);
  const [removeState, remove] = useActionState(removeLineAction, null);
  const inputId = `quantity-${variantId}`;
  const errorId = `${inputId}-error`;
  const error =
    (quantityState &&
      !quantityState.ok &&
      (quantityState.fieldErrors?.quantity?.[0] ?? quantityState.formError)) ||
    (removeState && !removeState.ok && removeState.formError) ||
    null;
  const formId = `quantity-form-${variantId}`;
  return (
    <div className="flex flex-col gap-1">
      {/* The typed quantity and "Update" sit between − and + but belong to this form (form attribute). */}
      <form id={formId} action={setQuantity} className="hidden">
        <input type="hidden" name="variantId" value={variantId} />
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-1.5">
          <form action={setQuantity}>
            <input type="hidden" name="variantId" value={variantId} />
            <input type="hidden" name="quantity" value={quantity - 1} />
            <SubmitButton
              variant="secondary"
              className={stepClass}
              aria-label={t('decrease', { name: productName })}
            >
              −
            </SubmitButton>
          </form>
          <label htmlFor={inputId} className="sr-only">
            {t('quantityFor', { name: productName })}
          </label>
          <input
            id={inputId}
            form={formId}
            key={quantity /* a new server quantity replaces what was typed */}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={0}
            max={99}
            defaultValue={quantity}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className={`${inputClass} w-16! text-center`}
          />
          <form action={setQuantity}>
            <input type="hidden" name="variantId" value={variantId} />
            <input type="hidden" name="quantity" value={Math.min(quantity + 1, 99)} />
            <SubmitButton
              variant="secondary"
              className={stepClass}
              disabled={quantity >= 99}
              aria-label={t('increase', { name: productName })}
            >
              +
            </SubmitButton>
          </form>
        </div>
        <Button type="submit" form={formId} variant="secondary" className="h-11">
          {t('update')}
        </Button>
        <form action={remove}>
          <input type="hidden" name="variantId" value={variantId} />
          <SubmitButton
            variant="ghost"
            className="h-11 text-red-700 hover:bg-red-50"
            aria-label={t('removeItem', { name: productName })}
          >
            {t('remove')}
          </SubmitButton>
        </form>
      </div>
      <p id={errorId} role="status" className="text-sm text-red-700 empty:hidden">
        {error || ''}
      </p>
    </div>
  );
}
