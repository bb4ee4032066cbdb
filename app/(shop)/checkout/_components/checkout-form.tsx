'use client';

import { useTranslations } from 'next-intl';
import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { LoyaltyCheckoutField, type CheckoutLoyalty } from '@/components/shop/loyalty-checkout-field';
import { PaymentMethodField } from '@/components/shop/payment-method-field';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { placeWebOrderAction } from '@/lib/orders/checkout-actions';

export interface PickupStoreOption {
  id: number;
  name: string;
  city: string;
  allAvailable: boolean;
}

type Method = 'delivery' | 'pickup';

/**
 * The checkout form. The order summary for each delivery method is rendered on the server (priced
 * by lib/pricing) and only switched here; the server prices the order again when it is placed.
 */
export function CheckoutForm({
  idempotencyKey,
  defaults,
  stores,
  totals,
  summaries,
  deliveryFee,
  loyalty,
  payment,
}: {
  idempotencyKey: string;
  /** Prefilled from the signed-in customer's profile: their default address and preferred pickup store. */
  defaults: { email: string; name: string; phone: string; street?: string; postcode?: string; city?: string; pickupLocationId?: number | null };
  stores: PickupStoreOption[];
  totals: Record<Method, number>;
  summaries: Record<Method, ReactNode>;
  deliveryFee: string;
  /** A signed-in customer's points, when they have any to spend. */
  loyalty?: CheckoutLoyalty | null;
  /** The payment provider in use and the signed-in customer's store credit (0 for guests). */
  payment: { provider: 'test_provider' | 'mollie'; storeCreditCents: number };
}) {
  const t = useTranslations('shop.checkout');
  const [state, formAction, pending] = useActionState(placeWebOrderAction, null);
  const [method, setMethod] = useState<Method>('delivery');
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values;
  const value = (name: string, fallback = '') => values?.[name] ?? fallback;
  const storeError = errors.pickupLocationId;
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused submit, take the keyboard (and the screen reader) to the first field to fix.
  useEffect(() => {
    if (failed) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);

  // Submitted by hand rather than as a form action, so React does not reset the form when the server
  // refuses it: what the shopper typed and chose stays as it was. (Without JavaScript the form still
  // posts the same action.)
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return; // one request per click, whatever happens
    const data = new FormData(event.currentTarget);
    startTransition(() => (formAction as unknown as (payload: FormData) => void)(data));
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={submit}
      noValidate
      className="grid items-start gap-6 lg:grid-cols-[1fr_24rem]"
    >
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="expectedTotalCents" value={totals[method]} />

      <div className="space-y-6">
        <FormMessage state={failed?.formError ? state : null} />

        <section
          aria-labelledby="contact-title"
          className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200"
        >
          <h2 id="contact-title" className="text-lg font-semibold">
            {t('contact')}
          </h2>
          <Field
            label={t('email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={value('email', defaults.email)}
            errors={errors.email}
          />
          <Field
            label={t('name')}
            name="name"
            autoComplete="name"
            required
            defaultValue={value('name', defaults.name)}
            errors={errors.name}
          />
          <Field
            label={t('phone')}
            name="phone"
            type="tel"
            autoComplete="tel"
            hint={t('phoneHint')}
            defaultValue={value('phone', defaults.phone)}
            errors={errors.phone}
          />
        </section>

        <section className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200">
          <fieldset>
            <legend className="text-lg font-semibold">{t('deliveryMethod')}</legend>
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <MethodOption
                value="delivery"
                checked={method === 'delivery'}
                onChange={setMethod}
                title={t('delivery')}
                price={deliveryFee}
                hint={t('deliveryHint')}
              />
              <MethodOption
                value="pickup"
                checked={method === 'pickup'}
                onChange={setMethod}
                title={t('pickup')}
                price={t('free')}
                hint={t('pickupHint')}
              />
            </div>
            <FieldError id="field-fulfilment-error" errors={errors.fulfilment} />
          </fieldset>

          {method === 'delivery' ? (
            <div className="space-y-4 border-t border-stone-100 pt-4">
              <h3 className="font-medium">{t('address')}</h3>
              <Field
                label={t('street')}
                name="street"
                autoComplete="street-address"
                required
                defaultValue={value('street', defaults.street)}
                errors={errors.street}
              />
              <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
                <Field
                  label={t('postcode')}
                  name="postcode"
                  autoComplete="postal-code"
                  required
                  placeholder="1234 AB"
                  defaultValue={value('postcode', defaults.postcode)}
                  errors={errors.postcode}
                />
                <Field
                  label={t('city')}
                  name="city"
                  autoComplete="address-level2"
                  required
                  defaultValue={value('city', defaults.city)}
                  errors={errors.city}
                />
              </div>
            </div>
          ) : (
            <div className="space-y-2 border-t border-stone-100 pt-4">
              <label htmlFor="field-pickupLocationId" className="block text-sm font-medium text-stone-700">
                {t('pickupStore')}
              </label>
              <select
                id="field-pickupLocationId"
                name="pickupLocationId"
                required
                defaultValue={value('pickupLocationId', defaults.pickupLocationId ? String(defaults.pickupLocationId) : '')}
                aria-invalid={storeError ? true : undefined}
                aria-describedby={storeError ? 'field-pickupLocationId-error' : undefined}
                className={`${inputClass} min-h-11`}
              >
                <option value="">{t('chooseStore')}</option>
                {stores.map((store) => (
                  <option key={store.id} value={store.id}>
                    {store.name} — {store.allAvailable ? t('storeAllAvailable') : t('storeNotAll')}
                  </option>
                ))}
              </select>
              <FieldError id="field-pickupLocationId-error" errors={storeError} />
              {storeError && (
                <button
                  type="button"
                  onClick={() => setMethod('delivery')}
                  className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50"
                >
                  {t('switchToDelivery')}
                </button>
              )}
            </div>
          )}
        </section>
      </div>

      <aside
        aria-labelledby="summary-title"
        className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200 lg:sticky lg:top-24"
      >
        <h2 id="summary-title" className="text-lg font-semibold">
          {t('summary')}
        </h2>
        {summaries[method]}
        {loyalty && <LoyaltyCheckoutField loyalty={loyalty} totalCents={totals[method]} errors={errors.loyaltyPoints} />}
        <PaymentMethodField provider={payment.provider} storeCreditCents={payment.storeCreditCents} totalCents={totals[method]} />
        <Button type="submit" size="lg" className="w-full" disabled={pending} aria-disabled={pending}>
          {pending && <Spinner />}
          {pending ? t('placing') : t('placeOrder')}
        </Button>
        <p className="text-center text-xs text-stone-500">{t('payNote')}</p>
      </aside>
    </form>
  );
}

function MethodOption({
  value,
  checked,
  onChange,
  title,
  price,
  hint,
}: {
  value: Method;
  checked: boolean;
  onChange: (m: Method) => void;
  title: string;
  price: string;
  hint: string;
}) {
  return (
    <label
      className={`flex cursor-pointer gap-3 rounded-xl p-4 ring-1 transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${
        checked ? 'bg-brand-50 ring-2 ring-brand-600' : 'bg-white ring-stone-300 hover:ring-stone-400'
      }`}
    >
      <input
        type="radio"
        name="fulfilment"
        value={value}
        checked={checked}
        onChange={() => onChange(value)}
        aria-labelledby={`method-${value}-title`}
        aria-describedby={`method-${value}-price method-${value}-hint`}
        className="mt-1 size-4 accent-brand-600"
      />
      <span className="flex-1">
        <span className="flex justify-between gap-2 font-medium">
          <span id={`method-${value}-title`}>{title}</span>
          <span id={`method-${value}-price`} className="text-stone-700">
            {price}
          </span>
        </span>
        <span id={`method-${value}-hint`} className="mt-1 block text-sm text-stone-600">
          {hint}
        </span>
      </span>
    </label>
  );
}
