'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { endPromotionAction } from '@/lib/promotions/actions';

/**
 * "End now" with a confirmation in a modal <dialog> (focus moves into it, Escape cancels, the page
 * behind is inert). Confirming sets the end to now; the action redirects back to the list.
 */
export function EndPromotionButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations('admin.promotions.end');
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction] = useActionState(endPromotionAction, null);
  const titleId = `end-promotion-${id}-title`;
  return (
    <>
      {/* Destructive, so red text instead of the neutral secondary style. */}
      <button
        type="button"
        aria-label={t('label', { name })}
        onClick={() => dialog.current?.showModal()}
        className="inline-flex h-11 items-center justify-center rounded-lg bg-white px-4 text-sm font-medium whitespace-nowrap text-red-700 ring-1 ring-red-200 hover:bg-red-50 active:bg-red-100"
      >
        {t('button')}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl bg-white p-6 text-left shadow-xl ring-1 ring-stone-200 backdrop:bg-stone-900/40"
      >
        <form action={formAction} className="space-y-4">
          <input type="hidden" name="id" value={id} />
          <p id={titleId} className="text-base font-medium whitespace-normal text-stone-900">
            {t('question', { name })}
          </p>
          <FormMessage state={state} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('cancel')}
            </Button>
            <SubmitButton variant="danger">{t('confirm')}</SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
