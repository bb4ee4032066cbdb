'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { receiveReturnAction } from '@/lib/returns/admin-actions';

/** The warehouse receives a posted return: where it came in and, per line, resellable or damaged. */
export function ReceiveReturnForm({
  returnId,
  lines,
  locations,
  defaultLocationId,
}: {
  returnId: string;
  lines: { id: number; label: string }[];
  locations: { id: number; name: string }[];
  defaultLocationId: number | null;
}) {
  const t = useTranslations('admin.returns');
  const [state, formAction] = useActionState(receiveReturnAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4" aria-labelledby="receive-title">
      <h2 id="receive-title" className="text-base font-semibold text-stone-900">
        {t('receiveTitle')}
      </h2>
      <p className="text-sm text-stone-600">{t('receiveHint')}</p>
      <input type="hidden" name="returnId" value={returnId} />
      <div>
        <label htmlFor="receive-location" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('receivedAt')}
        </label>
        <select id="receive-location" name="locationId" defaultValue={defaultLocationId ?? ''} className={`${inputClass} min-h-11`} aria-describedby="receive-location-error">
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <FieldError id="receive-location-error" errors={errors.locationId} />
      </div>
      <ul className="space-y-3">
        {lines.map((line) => (
          <li key={line.id}>
            <input type="hidden" name="returnLineId" value={line.id} />
            <label htmlFor={`condition-${line.id}`} className="mb-1.5 block text-sm font-medium text-stone-700">
              {t('conditionOf', { item: line.label })}
            </label>
            <select id={`condition-${line.id}`} name="condition" defaultValue="resellable" className={`${inputClass} min-h-11`}>
              <option value="resellable">{t('conditions.resellable')}</option>
              <option value="damaged">{t('conditions.damaged')}</option>
            </select>
          </li>
        ))}
      </ul>
      <FieldError id="receive-condition-error" errors={errors.condition ?? errors.returnLineId} />
      <SubmitButton size="lg">{t('receive')}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
