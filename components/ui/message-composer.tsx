'use client';

import { useActionState, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/actions/action-state';
import { FieldError } from './field';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

type FormAction = (state: ActionState | null, formData: FormData) => Promise<ActionState>;

/**
 * A labelled message box with a Send button for a server action that takes `body` (plus `hidden`
 * fields). The length counter warns past `max`; the server has the last word and its localized error
 * shows at the field, with the text kept. `children` go between the box and the button (e.g. a choice).
 */
export function MessageComposer({
  action,
  hidden,
  max,
  label,
  submitLabel,
  pendingLabel,
  hint,
  size = 'md',
  rows = 3,
  idPrefix,
  children,
}: {
  action: FormAction;
  hidden: Record<string, string>;
  max: number;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  hint?: string;
  /** 'lg' for the counter: larger text and touch targets. */
  size?: 'md' | 'lg';
  rows?: number;
  idPrefix: string;
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const [length, setLength] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `${idPrefix}-body`;
  const errors = failed?.fieldErrors?.body;
  // Errors of other fields (hidden ids, a choice) can only come from a tampered form: shown as one line.
  const other = Object.entries(failed?.fieldErrors ?? {}).filter(([field]) => field !== 'body').flatMap(([, e]) => e);
  const shown = errors ? null : other.length && failed ? { ...failed, formError: failed.formError ?? other[0] } : state;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-count`, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ');

  // React resets the form after the action; the counter follows what the box holds then.
  useEffect(() => setLength(box.current?.value.length ?? 0), [state]);

  return (
    <form ref={form} action={formAction} noValidate className="space-y-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className={`block font-medium text-stone-800 ${size === 'lg' ? 'text-base' : 'text-sm'}`}>
          {label}
        </label>
        <span id={`${id}-count`} className={`text-xs tabular-nums ${length > max ? 'font-semibold text-red-700' : 'text-stone-500'}`}>
          {length} / {max}
        </span>
      </div>
      <textarea
        ref={box}
        id={id}
        name="body"
        rows={rows}
        defaultValue={failed?.values?.body}
        onInput={(e) => setLength(e.currentTarget.value.length)}
        onKeyDown={(e) => {
          // Ctrl/⌘+Enter sends; Enter alone makes a new line (people write addresses and lists).
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) form.current?.requestSubmit();
        }}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full resize-y rounded-lg border-0 bg-white px-3 py-2.5 text-stone-900 ring-1 ring-stone-300 placeholder:text-stone-400 focus:ring-2 focus:ring-brand-600 focus:outline-none aria-[invalid=true]:ring-red-500 ${size === 'lg' ? 'min-h-28 text-lg' : 'text-base'}`}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-500">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} errors={errors} />
      {children}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <div className="min-w-0 flex-1">
          <FormMessage state={shown} />
        </div>
        <SubmitButton size={size === 'lg' ? 'lg' : 'md'} pendingLabel={pendingLabel} className="min-w-28">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
