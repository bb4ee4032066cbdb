'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestTransferAction } from '@/lib/transfers/actions';

const ROWS = 4;

/** "New transfer": from, to, up to four SKU + quantity rows (blank rows are ignored), a note. */
export function TransferForm({ locations }: { locations: { id: number; name: string }[] }) {
  const t = useTranslations('admin.transfers.form');
  const [state, formAction] = useActionState(requestTransferAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-labelledby="transfer-form-title">
      <h2 id="transfer-form-title" className="text-lg font-semibold text-stone-900">
        {t('title')}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {(['fromLocationId', 'toLocationId'] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`transfer-${name}`} className="mb-1.5 block text-sm font-medium text-stone-700">
              {t(name)}
            </label>
            <select
              id={`transfer-${name}`}
              name={name}
              required
              defaultValue={values?.[name] ?? ''}
              aria-invalid={errors?.[name] ? true : undefined}
              aria-describedby={`transfer-${name}-error`}
              className={inputClass}
            >
              <option value="">{t('choose')}</option>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <FieldError id={`transfer-${name}-error`} errors={errors?.[name]} />
          </div>
        ))}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-stone-700">{t('lines')}</legend>
        {Array.from({ length: ROWS }, (_, i) => (
          <div key={i} className="grid grid-cols-[1fr_7rem] gap-2">
            <label className="sr-only" htmlFor={`transfer-sku-${i}`}>
              {t('sku', { n: i + 1 })}
            </label>
            <input id={`transfer-sku-${i}`} name="sku" placeholder={t('skuPlaceholder')} className={inputClass} aria-describedby="transfer-sku-error" />
            <label className="sr-only" htmlFor={`transfer-quantity-${i}`}>
              {t('quantity', { n: i + 1 })}
            </label>
            <input id={`transfer-quantity-${i}`} name="quantity" inputMode="numeric" placeholder={t('quantityPlaceholder')} className={inputClass} aria-describedby="transfer-quantity-error" />
          </div>
        ))}
        <FieldError id="transfer-sku-error" errors={errors?.sku} />
        <FieldError id="transfer-quantity-error" errors={errors?.quantity} />
      </fieldset>
      <div>
        <label htmlFor="transfer-note" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('note')}
        </label>
        <input id="transfer-note" name="note" maxLength={500} defaultValue={values?.note ?? ''} className={inputClass} />
      </div>
      <FormMessage state={state} />
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
