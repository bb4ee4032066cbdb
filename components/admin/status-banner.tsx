/** The outcome of the last action (e.g. "Promotion saved."), announced politely; empty renders nothing visible. */
export function StatusBanner({ message }: { message?: string | null }) {
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {message ? (
        <p className="mb-4 flex items-start gap-2 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900 ring-1 ring-brand-200">
          <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-brand-600" aria-hidden="true">
            <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3-4 4a1 1 0 0 1-1.4 0l-2-2a1 1 0 1 1 1.4-1.4L9 10.6l3.3-3.3a1 1 0 0 1 1.4 1.4Z" />
          </svg>
          {message}
        </p>
      ) : null}
    </div>
  );
}
