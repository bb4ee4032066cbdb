import type { ReactNode } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/action-state';

/** What a field starts with: the refused submission's value (so nothing typed is lost), else the saved one. */
export function startValue(state: ActionState | null, initial: Record<string, string>, name: string): string {
  if (state && !state.ok && state.values) return state.values[name] ?? '';
  return initial[name] ?? '';
}

/** Checkbox counterpart of startValue: a refused submission keeps what was ticked. */
export function startChecked(state: ActionState | null, initial: boolean, name: string): boolean {
  if (state && !state.ok && state.values) return state.values[name] === 'on';
  return initial;
}

export function fieldErrors(state: ActionState | null, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

/** A labelled control (textarea, select…) wired like ui/Field: error in an aria-live region, aria-describedby. */
export function ProductField({
  id,
  label,
  hint,
  errors,
  children,
  className = '',
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode;
  className?: string;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      {children({ id, 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': describedBy, className: inputClass })}
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-stone-500">
          {hint}
        </p>
      )}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
