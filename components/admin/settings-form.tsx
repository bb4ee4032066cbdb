'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { Card } from '@/components/ui/card';
import { Field, FieldError } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';

/** One input of a settings section, described as data so the server page can translate it. */
export interface SettingsFieldSpec {
  name: string;
  label: string;
  hint?: string;
  defaultValue: string;
  type?: 'text' | 'email' | 'tel' | 'checkbox';
  inputMode?: 'text' | 'decimal' | 'numeric';
  /** Grid width: one column (default) or the whole row. */
  wide?: boolean;
  autoComplete?: string;
}

type SettingsAction = (prev: ActionState | null, data: FormData) => Promise<ActionState>;

/**
 * A section of /admin/settings: its fields, one save button and the outcome. Submitted by hand (not
 * through <form action>) so React does not reset what the admin typed when a save is refused.
 */
export function SettingsForm({
  title,
  hint,
  action,
  fields,
  hidden,
  submitLabel,
  id,
}: {
  title: string;
  hint?: string;
  action: SettingsAction;
  fields: SettingsFieldSpec[];
  hidden?: Record<string, string>;
  submitLabel: string;
  id: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  // After a refused save, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  return (
    <Card>
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-4">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-stone-900">
            {title}
          </h2>
          {hint && <p className="mt-1 text-sm text-stone-600">{hint}</p>}
        </div>
        {hidden && Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        <div className="grid gap-4 sm:grid-cols-2">
          {fields.map((f) =>
            f.type === 'checkbox' ? (
              <div key={f.name} className="sm:col-span-2">
                <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-stone-800">
                  <input
                    type="checkbox"
                    id={`${id}-${f.name}`}
                    name={f.name}
                    defaultChecked={f.defaultValue === 'on'}
                    aria-describedby={`${id}-${f.name}-error`}
                    className="size-5 rounded border-stone-300 text-brand-600 focus:ring-brand-600"
                  />
                  {f.label}
                </label>
                <FieldError id={`${id}-${f.name}-error`} errors={errors?.[f.name]} />
              </div>
            ) : (
              <Field
                key={f.name}
                id={`${id}-${f.name}`}
                name={f.name}
                label={f.label}
                hint={f.hint}
                type={f.type ?? 'text'}
                inputMode={f.inputMode}
                autoComplete={f.autoComplete ?? 'off'}
                defaultValue={f.defaultValue}
                errors={errors?.[f.name]}
                className={f.wide ? 'sm:col-span-2' : ''}
              />
            ),
          )}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton size="lg" disabled={pending}>
            {submitLabel}
          </SubmitButton>
          <div className="min-w-0 flex-1">
            <FormMessage state={state} />
          </div>
        </div>
      </form>
    </Card>
  );
}
