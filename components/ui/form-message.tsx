import type { ActionState } from '@/lib/actions/action-state';

/** The outcome of a form submission, announced politely to screen readers. */
export function FormMessage({ state }: { state: ActionState | null | undefined }) {
  const text = !state ? '' : state.ok ? state.message : state.formError;
  return (
    <div role="status" aria-live="polite" className="min-h-0 empty:hidden">
      {text ? (
        <p
          className={`rounded-lg px-3 py-2 text-sm ${state?.ok ? 'bg-brand-50 text-brand-800 ring-1 ring-brand-200' : 'bg-red-50 text-red-800 ring-1 ring-red-200'}`}
        >
          {text}
        </p>
      ) : null}
    </div>
  );
}
