import type { ComponentProps, ReactNode } from 'react';

export const inputClass =
  'block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-base text-stone-900 ring-1 ring-stone-300 placeholder:text-stone-400 focus:ring-2 focus:ring-brand-600 focus:outline-none aria-[invalid=true]:ring-red-500';

/**
 * A labelled input with its error: the message sits in an element the input names with
 * `aria-describedby`, and `aria-invalid` marks it for assistive technology.
 */
export function Field({
  label,
  name,
  errors,
  hint,
  className = '',
  children,
  ...inputProps
}: ComponentProps<'input'> & { label: string; name: string; errors?: string[]; hint?: string; children?: ReactNode }) {
  const id = inputProps.id ?? `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      {children ?? (
        <input
          id={id}
          name={name}
          className={inputClass}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          {...inputProps}
        />
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-stone-500">
          {hint}
        </p>
      )}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="mt-1 text-sm text-red-700">
      {errors?.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
