'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { startExperimentAction, stopExperimentAction } from '@/lib/insight/experiment-actions';

/** "Start experiment" for a draft. */
export function StartExperimentForm({ experimentId }: { experimentId: number }) {
  const t = useTranslations('experiments.detail');
  const [state, formAction] = useActionState(startExperimentAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="experimentId" value={experimentId} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('starting')}>{t('start')}</SubmitButton>
    </form>
  );
}

/** "Stop experiment", optionally promoting one variant's promotion to a normal promotion. */
export function StopExperimentForm({
  experimentId,
  variants,
}: {
  experimentId: number;
  variants: { id: number; name: string; hasPromotion: boolean }[];
}) {
  const t = useTranslations('experiments.detail');
  const [state, formAction] = useActionState(stopExperimentAction, null);
  return (
    <form action={formAction} aria-labelledby="stop-experiment-title" className="space-y-3">
      <h2 id="stop-experiment-title" className="text-base font-semibold text-stone-900">
        {t('stopTitle')}
      </h2>
      <input type="hidden" name="experimentId" value={experimentId} />
      <div>
        <label htmlFor="winner-variant" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('winnerLabel')}
        </label>
        <select id="winner-variant" name="winnerVariantId" defaultValue="" aria-describedby="winner-variant-hint" className={`${inputClass} min-h-11`}>
          <option value="">{t('noWinner')}</option>
          {variants
            .filter((v) => v.hasPromotion)
            .map((v) => (
              <option key={v.id} value={String(v.id)}>
                {t('promote', { name: v.name })}
              </option>
            ))}
        </select>
        <p id="winner-variant-hint" className="mt-1 text-sm text-stone-500">
          {t('stopHint')}
        </p>
      </div>
      <FormMessage state={state} />
      <SubmitButton variant="danger" pendingLabel={t('stopping')}>
        {t('stop')}
      </SubmitButton>
    </form>
  );
}
