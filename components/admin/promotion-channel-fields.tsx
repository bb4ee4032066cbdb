'use client';

import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field';
import type { PromotionFormValues } from '@/lib/promotions/form-values';
import type { FieldErrors, SetValue } from './promotion-form-types';

const CHANNELS = ['web', 'store'] as const;

/**
 * "Channels": both checked by default. Unchecking one shows the omnichannel warning (DESIGN
 * invariant 2) — allowed, but never silently.
 */
export function ChannelFields({
  values,
  setValue,
  errors,
}: {
  values: PromotionFormValues;
  setValue: SetValue;
  errors: FieldErrors;
}) {
  const t = useTranslations('admin.promotionForm');
  const restricted = values.channels.length === 1;
  const invalid = !!errors?.channels?.length;
  function toggle(channel: (typeof CHANNELS)[number], checked: boolean) {
    const next = CHANNELS.filter((c) => (c === channel ? checked : values.channels.includes(c)));
    setValue('channels', next);
  }
  return (
    <fieldset
      aria-describedby={`field-channels-hint${invalid ? ' field-channels-error' : ''}${restricted ? ' field-channels-warning' : ''}`}
    >
      <legend className="mb-1.5 block text-sm font-medium text-stone-700">{t('channels')}</legend>
      <div className="flex flex-wrap gap-2">
        {CHANNELS.map((channel) => (
          <label
            key={channel}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 text-sm text-stone-800 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-brand-600"
          >
            <input
              type="checkbox"
              name="channels"
              value={channel}
              checked={values.channels.includes(channel)}
              onChange={(e) => toggle(channel, e.target.checked)}
              className="size-4 accent-brand-600"
            />
            {t(channel)}
          </label>
        ))}
      </div>
      <p id="field-channels-hint" className="mt-1 text-sm text-stone-500">
        {t('channelsHint')}
      </p>
      <div aria-live="polite">
        {restricted && (
          <p
            id="field-channels-warning"
            className="mt-3 flex gap-2 rounded-lg bg-amber-50 px-3 py-2.5 text-sm text-amber-950 ring-1 ring-amber-300"
          >
            <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-amber-600" aria-hidden="true">
              <path d="M8.3 2.9a2 2 0 0 1 3.4 0l6.5 11.3A2 2 0 0 1 16.5 17h-13a2 2 0 0 1-1.7-2.8L8.3 2.9ZM10 7a1 1 0 0 0-1 1v3a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" />
            </svg>
            {t('channelWarning')}
          </p>
        )}
      </div>
      <FieldError id="field-channels-error" errors={errors?.channels} />
    </fieldset>
  );
}
