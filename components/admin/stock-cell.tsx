'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { adjustStockAction, setLowStockThresholdAction } from '@/lib/inventory/actions';

export interface StockCellPosition {
  variantId: number;
  locationId: number;
  sku: string;
  locationName: string;
  onHand: number;
  reserved: number;
  available: number;
  threshold: number | null;
  status: 'out' | 'low' | 'ok' | 'none';
}

const REASONS = ['count', 'damage', 'found', 'correction'] as const;

/**
 * One cell of the stock matrix: the available units (marked out / low, also spoken), and a button that
 * opens a dialog to adjust the position (a count or a ± change with its reason) or set its threshold.
 */
export function StockCell({ position, defaultThreshold }: { position: StockCellPosition; defaultThreshold: number }) {
  const t = useTranslations('admin.stock');
  const dialog = useRef<HTMLDialogElement>(null);
  const [adjustState, adjust] = useActionState(adjustStockAction, null);
  const [thresholdState, saveThreshold] = useActionState(setLowStockThresholdAction, null);
  const p = position;
  const id = `cell-${p.variantId}-${p.locationId}`;
  const tone =
    p.status === 'out' ? 'bg-red-50 text-red-800 ring-red-200' : p.status === 'low' ? 'bg-amber-50 text-amber-900 ring-amber-200' : p.status === 'none' ? 'text-stone-400 ring-stone-200' : 'text-stone-900 ring-stone-200';
  const errors = adjustState && !adjustState.ok ? adjustState.fieldErrors : undefined;
  const thresholdErrors = thresholdState && !thresholdState.ok ? thresholdState.fieldErrors : undefined;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-label={t('cellLabel', { sku: p.sku, location: p.locationName, available: p.available, status: p.status })}
        className={`inline-flex min-h-11 min-w-14 flex-col items-end justify-center rounded-lg px-2 py-1 tabular-nums ring-1 hover:bg-stone-100 ${tone}`}
      >
        <span className="font-semibold">{p.status === 'none' ? '—' : p.available}</span>
        {p.reserved > 0 && <span className="text-xs text-stone-500">{t('reservedShort', { reserved: p.reserved })}</span>}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white p-6 text-left shadow-xl ring-1 ring-stone-200 backdrop:bg-stone-900/40"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold text-stone-900">
          {t('adjust.title', { sku: p.sku, location: p.locationName })}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t('adjust.current', { onHand: p.onHand, reserved: p.reserved, available: p.available })}</p>

        <form action={adjust} className="mt-4 space-y-3">
          <input type="hidden" name="variantId" value={p.variantId} />
          <input type="hidden" name="locationId" value={p.locationId} />
          <fieldset>
            <legend className="mb-1.5 text-sm font-medium text-stone-700">{t('adjust.mode')}</legend>
            <div className="flex gap-2">
              {(['set', 'delta'] as const).map((mode) => (
                <label key={mode} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-brand-500">
                  <input type="radio" name="mode" value={mode} defaultChecked={mode === 'set'} className="accent-brand-600" />
                  {t(`adjust.modes.${mode}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={`${id}-quantity`} className="mb-1.5 block text-sm font-medium text-stone-700">
              {t('adjust.quantity')}
            </label>
            <input
              id={`${id}-quantity`}
              name="quantity"
              inputMode="numeric"
              required
              defaultValue={p.onHand}
              aria-invalid={errors?.quantity ? true : undefined}
              aria-describedby={`${id}-quantity-error ${id}-quantity-hint`}
              className={inputClass}
            />
            <p id={`${id}-quantity-hint`} className="mt-1 text-sm text-stone-500">{t('adjust.quantityHint')}</p>
            <FieldError id={`${id}-quantity-error`} errors={errors?.quantity} />
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="mb-1.5 block text-sm font-medium text-stone-700">
              {t('adjust.reason')}
            </label>
            <select id={`${id}-reason`} name="reason" defaultValue="count" className={inputClass}>
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reasons.${r}`)}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-reason-error`} errors={errors?.reason} />
          </div>
          <div>
            <label htmlFor={`${id}-note`} className="mb-1.5 block text-sm font-medium text-stone-700">
              {t('adjust.note')}
            </label>
            <input id={`${id}-note`} name="note" maxLength={500} className={inputClass} />
          </div>
          <FormMessage state={adjustState} />
          <SubmitButton>{t('adjust.save')}</SubmitButton>
        </form>

        <form action={saveThreshold} className="mt-6 space-y-3 border-t border-stone-200 pt-4">
          <input type="hidden" name="variantId" value={p.variantId} />
          <input type="hidden" name="locationId" value={p.locationId} />
          <div>
            <label htmlFor={`${id}-threshold`} className="mb-1.5 block text-sm font-medium text-stone-700">
              {t('threshold.label')}
            </label>
            <input
              id={`${id}-threshold`}
              name="threshold"
              inputMode="numeric"
              defaultValue={p.threshold ?? ''}
              placeholder={String(defaultThreshold)}
              aria-describedby={`${id}-threshold-hint ${id}-threshold-error`}
              className={inputClass}
            />
            <p id={`${id}-threshold-hint`} className="mt-1 text-sm text-stone-500">{t('threshold.hint', { default: defaultThreshold })}</p>
            <FieldError id={`${id}-threshold-error`} errors={thresholdErrors?.threshold} />
          </div>
          <FormMessage state={thresholdState} />
          <SubmitButton variant="secondary">{t('threshold.save')}</SubmitButton>
        </form>

        <div className="mt-4 flex justify-end">
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            {t('adjust.close')}
          </Button>
        </div>
      </dialog>
    </>
  );
}
