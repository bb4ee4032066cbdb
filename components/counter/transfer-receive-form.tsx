'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { receiveTransferAction } from '@/lib/transfers/actions';

export interface ReceiveLine {
  id: number;
  sku: string;
  productName: string;
  variantLabel: string;
  quantity: number;
}

/**
 * Receipt of a transfer: per line the units counted on arrival (pre-filled with what was sent; lower
 * it for a shortfall). Only the counted units join this location's stock.
 */
export function TransferReceiveForm({ transferId, number, lines, size = 'md', surface = 'admin' }: { transferId: number; number: string; lines: ReceiveLine[]; size?: 'md' | 'lg'; surface?: 'admin' | 'counter' }) {
  const t = useTranslations('admin.transfers.receive');
  const [state, formAction] = useActionState(receiveTransferAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const errorId = `receive-${transferId}-error`;
  return (
    <form action={formAction} className="space-y-3" aria-label={t('formLabel', { number })}>
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="surface" value={surface} />
      <ul className="divide-y divide-stone-100 rounded-xl ring-1 ring-stone-200">
        {lines.map((line) => (
          <li key={line.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
            <input type="hidden" name="lineId" value={line.id} />
            <div className="min-w-0">
              <p className="font-medium text-stone-900">{line.productName}</p>
              <p className="text-sm text-stone-600">
                {line.variantLabel && `${line.variantLabel} · `}
                <span className="font-mono">{line.sku}</span> · {t('sent', { quantity: line.quantity })}
              </p>
            </div>
            <div className="flex items-center gap-2">
              <label htmlFor={`receive-${line.id}`} className="text-sm font-medium text-stone-700">
                {t('counted', { sku: line.sku })}
              </label>
              <input
                id={`receive-${line.id}`}
                name="received"
                inputMode="numeric"
                required
                defaultValue={line.quantity}
                aria-describedby={errorId}
                aria-invalid={errors?.received ? true : undefined}
                className={`${inputClass} w-24! ${size === 'lg' ? 'min-h-12 text-lg' : ''}`}
              />
            </div>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} errors={errors?.received} />
      <FormMessage state={state} />
      <SubmitButton size={size}>{t('submit', { number })}</SubmitButton>
    </form>
  );
}
