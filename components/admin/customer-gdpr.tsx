'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FieldError } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { eraseCustomerAction } from '@/lib/customers/actions';

/** GDPR export (a JSON download) and erase, each behind a confirmation step. */
export function CustomerGdpr({ customerId, erased }: { customerId: number; erased: boolean }) {
  const t = useTranslations('customers.gdpr');
  const [step, setStep] = useState<'none' | 'export' | 'erase'>('none');
  const [state, formAction] = useActionState<ActionState | null, FormData>(eraseCustomerAction, null);
  return (
    <Card className="space-y-3">
      <h2 className="text-base font-semibold text-stone-900">{t('title')}</h2>
      <p className="text-sm text-stone-600">{t('exportIntro')}</p>
      {step === 'export' ? (
        <div className="space-y-2 rounded-xl bg-stone-50 p-3 ring-1 ring-stone-200">
          <p className="text-sm text-stone-800">{t('exportConfirm')}</p>
          <div className="flex flex-wrap gap-2">
            <a href={`/api/admin/customers/${customerId}/export`} download className={buttonClass('primary')}>
              {t('download')}
            </a>
            <Button variant="secondary" onClick={() => setStep('none')}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setStep('export')}>
          {t('export')}
        </Button>
      )}
      {!erased && (
        <>
          <p className="border-t border-stone-200 pt-3 text-sm text-stone-600">{t('eraseIntro')}</p>
          {step === 'erase' ? (
            <form action={formAction} className="space-y-2 rounded-xl bg-red-50 p-3 ring-1 ring-red-200">
              <FormMessage state={state} />
              <input type="hidden" name="customerId" value={customerId} />
              <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-red-950">
                <input
                  type="checkbox"
                  name="confirm"
                  required
                  className="size-5 rounded border-stone-300"
                  aria-describedby="erase-confirm-error"
                />
                {t('eraseConfirm')}
              </label>
              <FieldError
                id="erase-confirm-error"
                errors={state && !state.ok ? state.fieldErrors?.confirm : undefined}
              />
              <div className="flex flex-wrap gap-2">
                <SubmitButton variant="danger">{t('eraseSubmit')}</SubmitButton>
                <Button variant="secondary" onClick={() => setStep('none')}>
                  {t('cancel')}
                </Button>
              </div>
            </form>
          ) : (
            <Button variant="danger" onClick={() => setStep('erase')}>
              {t('erase')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
