'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';

type FormAction = (state: ActionState | null, data: FormData) => Promise<ActionState>;

/**
 * One button that runs a catalog action with fixed hidden fields (move a category, cancel a price
 * change, remove a photo, take a variant out of sale), with its outcome announced beside it.
 */
export function ProductInlineAction({
  action,
  fields,
  label,
  ariaLabel,
  tone = 'secondary',
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  ariaLabel: string;
  tone?: 'secondary' | 'danger';
}) {
  const [state, formAction] = useActionState<ActionState | null, FormData>(action, null);
  const failed = state && !state.ok ? (state.formError ?? Object.values(state.fieldErrors ?? {}).flat()[0]) : undefined;
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton
        variant="secondary"
        size="sm"
        aria-label={ariaLabel}
        className={`min-h-11 ${tone === 'danger' ? 'text-red-700 ring-red-200 hover:bg-red-50' : ''}`}
      >
        {label}
      </SubmitButton>
      <span role="status" className="text-xs text-red-700 empty:hidden">
        {failed}
      </span>
    </form>
  );
}
