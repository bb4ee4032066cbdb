'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { formKey } from './account-form-key';
import { saveAddressAction } from '@/lib/identity/account-actions';
import type { AddressDto } from '@/lib/identity/addresses';

/** Add an address, or edit `address`. */
export function AccountAddressForm({ address, onDone }: { address?: AddressDto; onDone?: () => void }) {
  const t = useTranslations('shop.accountEdit');
  const [state, formAction] = useActionState(async (prev: unknown, form: FormData) => {
    const result = await saveAddressAction(prev, form);
    if (result.ok) onDone?.();
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const key = address ? `address-${address.id}` : 'address-new';
  const v = (name: keyof AddressDto & string) => values?.[name] ?? (address ? String(address[name] ?? '') : '');
  return (
    <form key={formKey(state)} action={formAction} noValidate className="space-y-3">
      {address && <input type="hidden" name="addressId" value={address.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('addressLabel')} name="label" id={`${key}-label`} defaultValue={v('label')} hint={t('addressLabelHint')} errors={errors?.label} />
        <Field label={t('addressName')} name="name" id={`${key}-name`} autoComplete="name" defaultValue={v('name')} errors={errors?.name} />
        <Field label={t('street')} name="street" id={`${key}-street`} autoComplete="street-address" defaultValue={v('street')} errors={errors?.street} className="sm:col-span-2" />
        <Field label={t('postcode')} name="postcode" id={`${key}-postcode`} autoComplete="postal-code" defaultValue={v('postcode')} errors={errors?.postcode} />
        <Field label={t('city')} name="city" id={`${key}-city`} autoComplete="address-level2" defaultValue={v('city')} errors={errors?.city} />
      </div>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="makeDefault" defaultChecked={address?.isDefault} className="size-5 accent-brand-600" />
        <span>{t('makeDefaultCheck')}</span>
      </label>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">{address ? t('saveAddress') : t('addAddress')}</SubmitButton>
    </form>
  );
}
