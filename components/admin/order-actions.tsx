'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { cancelOrderAction, markDeliveredAction, resendOrderMessageAction, shipOrderAction } from '@/lib/order-admin/actions';
import { KNOWN_CARRIERS } from '@/lib/order-admin/tracking';

type State = Parameters<typeof FormMessage>[0]['state'];

/**
 * The forms stay mounted after their step succeeds (the page refreshes and no longer offers the step):
 * then only the outcome is shown, so the admin still reads what happened.
 */
function Outcome({ state }: { state: State }) {
  return state ? <FormMessage state={state} /> : null;
}

/** "Mark shipped": carrier (suggestions for the usual ones, any name allowed) and tracking number. */
export function ShipOrderForm({ orderId, available }: { orderId: string; available: boolean }) {
  const t = useTranslations('admin.orderActions');
  const [state, formAction] = useActionState(shipOrderAction, null);
  if (!available) return <Outcome state={state} />;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="ship-title">
      <h3 id="ship-title" className="font-medium text-stone-900">
        {t('shipTitle')}
      </h3>
      <input type="hidden" name="orderId" value={orderId} />
      <Field label={t('carrier')} name="carrier" list="known-carriers" autoComplete="off" required maxLength={40} defaultValue={state && !state.ok ? (state.values?.carrier ?? '') : ''} errors={errors?.carrier} />
      <datalist id="known-carriers">
        {KNOWN_CARRIERS.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field label={t('trackingNumber')} name="trackingNumber" autoComplete="off" required maxLength={60} defaultValue={state && !state.ok ? (state.values?.trackingNumber ?? '') : ''} errors={errors?.trackingNumber} hint={t('trackingHint')} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('shipping')}>{t('ship')}</SubmitButton>
    </form>
  );
}

/** "Mark delivered", one press: the carrier reported the parcel delivered. */
export function MarkDeliveredButton({ orderId, available }: { orderId: string; available: boolean }) {
  const t = useTranslations('admin.orderActions');
  const [state, formAction] = useActionState(markDeliveredAction, null);
  if (!available) return <Outcome state={state} />;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton variant="secondary" pendingLabel={t('saving')}>
        {t('deliver')}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * "Cancel order" behind a confirmation dialog. When the order is paid the dialog says plainly that the
 * money is recorded as owed back — the refund itself is not made from here yet.
 */
export function CancelOrderButton({ orderId, number, owesRefund, available }: { orderId: string; number: string; owesRefund: boolean; available: boolean }) {
  const t = useTranslations('admin.orderActions');
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction] = useActionState(cancelOrderAction, null);
  if (!available) return <Outcome state={state} />;
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="inline-flex h-11 items-center justify-center rounded-lg bg-white px-4 text-sm font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-50 active:bg-red-100"
      >
        {t('cancel')}
      </button>
      {/* The outcome stays on the page after the dialog closes. */}
      {state?.ok && <FormMessage state={state} />}
      <dialog
        ref={dialog}
        aria-labelledby="cancel-order-title"
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl bg-white p-6 text-left shadow-xl ring-1 ring-stone-200 backdrop:bg-stone-900/40"
      >
        <form action={formAction} className="space-y-4">
          <input type="hidden" name="orderId" value={orderId} />
          <h2 id="cancel-order-title" className="text-lg font-semibold text-stone-900">
            {t('cancelQuestion', { number })}
          </h2>
          <p className="text-sm text-stone-700">{owesRefund ? t('cancelRefundOwed') : t('cancelReleases')}</p>
          <div>
            <label htmlFor="cancel-reason" className="mb-1.5 block text-sm font-medium text-stone-700">
              {t('reason')}
            </label>
            <input id="cancel-reason" name="reason" maxLength={300} className={inputClass} aria-describedby="cancel-reason-error" />
            <FieldError id="cancel-reason-error" errors={state && !state.ok ? state.fieldErrors?.reason : undefined} />
          </div>
          {state && !state.ok && <FormMessage state={state} />}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('keep')}
            </Button>
            <SubmitButton variant="danger" pendingLabel={t('saving')}>
              {t('confirmCancel')}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}

/** "Send again": choose a kind of message this order was sent, and queue its latest once more. */
export function ResendMessageForm({ orderId, kinds, labels }: { orderId: string; kinds: string[]; labels: Record<string, string> }) {
  const t = useTranslations('admin.orderActions');
  const [state, formAction] = useActionState(resendOrderMessageAction, null);
  const error = state && !state.ok ? state.fieldErrors?.kind : undefined;
  return (
    <form action={formAction} className="space-y-3" aria-labelledby="resend-title">
      <h3 id="resend-title" className="font-medium text-stone-900">
        {t('resendTitle')}
      </h3>
      <input type="hidden" name="orderId" value={orderId} />
      <div>
        <label htmlFor="resend-kind" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('messageKind')}
        </label>
        <select id="resend-kind" name="kind" className={inputClass} aria-invalid={error ? true : undefined} aria-describedby="resend-kind-error">
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {labels[kind] ?? kind}
            </option>
          ))}
        </select>
        <FieldError id="resend-kind-error" errors={error} />
      </div>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel={t('saving')}>
        {t('resend')}
      </SubmitButton>
    </form>
  );
}
