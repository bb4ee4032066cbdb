'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { handOverPickupAction } from '@/lib/orders/counter-actions';

/**
 * "Hand over" for one pickup: the customer's pickup code (typed, or a scanner typing the QR code of
 * their message and pressing Enter) or the clerk's "Identity checked", then a confirmation. The server
 * checks the code; a wrong one comes back on the field and nothing has changed.
 */
export function HandOverForm({
  orderId,
  orderNumber,
  customer,
  view,
  initialCode,
}: {
  orderId: string;
  orderNumber: string;
  customer: string;
  view: 'prepare' | 'ready' | 'collected';
  /** The code the clerk already found the order by, if any. */
  initialCode?: string;
}) {
  const t = useTranslations('counter.pickups');
  const [state, formAction] = useActionState(handOverPickupAction, null);
  const [missing, setMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const refused = state && !state.ok ? state : null;
  const codeErrors = missing ? [t('codeMissing')] : refused?.fieldErrors?.pickupCode;
  const id = `handover-${orderId}`;

  // A refusal (wrong code, locked, changed meanwhile): close the question so the answer shows.
  useEffect(() => {
    if (refused) dialogRef.current?.close();
  }, [refused]);

  function askToConfirm() {
    const data = new FormData(formRef.current!);
    if (!String(data.get('pickupCode') ?? '').trim() && !data.get('identityChecked')) {
      setMissing(true);
      codeRef.current?.focus();
      return;
    }
    setMissing(false);
    dialogRef.current?.showModal();
  }

  return (
    <form ref={formRef} action={formAction} className="flex w-full flex-col gap-3 sm:w-72" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="view" value={view} />
      <div>
        <label htmlFor={`${id}-code`} className="mb-1 block text-base font-semibold text-stone-800">
          {t('code')}
        </label>
        <input
          ref={codeRef}
          id={`${id}-code`}
          name="pickupCode"
          defaultValue={refused?.values?.pickupCode ?? initialCode ?? ''}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="done"
          maxLength={64}
          aria-invalid={codeErrors?.length ? true : undefined}
          aria-describedby={`${id}-code-error`}
          onKeyDown={(e) => {
            // A scanner ends with Enter: that asks for the confirmation, it never skips it.
            if (e.key === 'Enter') {
              e.preventDefault();
              askToConfirm();
            }
          }}
          className={`${inputClass} h-14 font-mono text-xl tracking-widest uppercase`}
        />
        <FieldError id={`${id}-code-error`} errors={codeErrors} />
      </div>
      <div>
        <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg px-1 text-base font-medium text-stone-800">
          <input
            type="checkbox"
            name="identityChecked"
            defaultChecked={refused?.values?.identityChecked === 'on'}
            aria-describedby={`${id}-identity-hint`}
            className="size-6 rounded accent-brand-600"
          />
          {t('identityChecked')}
        </label>
        <p id={`${id}-identity-hint`} className="text-sm text-stone-500">
          {t('identityCheckedHint')}
        </p>
      </div>
      <Button size="xl" onClick={askToConfirm}>
        {t('handOver')}
      </Button>
      <p role="status" className="text-sm font-medium text-red-700 empty:hidden">
        {refused?.formError ?? ''}
      </p>

      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-confirm-title`}
        aria-describedby={`${id}-confirm-body`}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-2xl bg-white p-6 shadow-xl backdrop:bg-stone-900/50"
      >
        <h2 id={`${id}-confirm-title`} className="text-xl font-semibold">
          {t('confirmTitle', { number: orderNumber })}
        </h2>
        <p id={`${id}-confirm-body`} className="mt-2 text-base text-stone-700">
          {t('confirmBody', { customer })}
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <Button size="xl" variant="secondary" onClick={() => dialogRef.current?.close()}>
            {t('cancel')}
          </Button>
          <SubmitButton size="xl">{t('confirmHandOver')}</SubmitButton>
        </div>
      </dialog>
    </form>
  );
}
