'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { inputClass } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { scanToCounterCartAction } from '@/lib/carts/counter-actions';

const SEARCH_DELAY_MS = 350;

/**
 * The counter's one input: a keyboard-wedge scanner types the EAN and presses Enter (an exact SKU/EAN
 * goes straight into the cart), a clerk types a name and sees results as they type. The field is
 * cleared the moment Enter is pressed, so a second scan right after the first is never mixed into it.
 */
export function CounterSearch({ initialQuery }: { initialQuery: string }) {
  const t = useTranslations('counter.sale');
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [value, setValue] = useState(initialQuery);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  useScannerFocus(inputRef);
  useEffect(() => () => clearTimeout(timer.current), []);

  function showResults(query: string) {
    const q = query.trim();
    router.replace(q ? `/counter?q=${encodeURIComponent(q)}` : '/counter', { scroll: false });
  }

  function onChange(next: string) {
    setValue(next);
    setMessage(null);
    clearTimeout(timer.current);
    const q = next.trim();
    if (q.length === 0 && initialQuery) showResults('');
    else if (q.length >= 2) timer.current = setTimeout(() => showResults(q), SEARCH_DELAY_MS);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    clearTimeout(timer.current);
    const code = value.trim();
    if (!code) return;
    setValue('');
    setMessage(null);
    startTransition(async () => {
      const result = await scanToCounterCartAction({ code });
      if (result.ok && (result.data as { added?: boolean } | undefined)?.added) {
        setMessage({ ok: true, text: result.message ?? '' });
        if (initialQuery) showResults('');
      } else if (result.ok) {
        // Not a barcode: it was a search. Give the text back unless the next scan already started.
        setValue((current) => (current === '' ? code : current));
        showResults(code);
      } else {
        setValue((current) => (current === '' ? code : current));
        setMessage({ ok: false, text: result.formError ?? result.fieldErrors?.code?.[0] ?? '' });
      }
      inputRef.current?.focus();
    });
  }

  function clear() {
    clearTimeout(timer.current);
    setValue('');
    setMessage(null);
    showResults('');
    inputRef.current?.focus();
  }

  return (
    <form role="search" onSubmit={onSubmit} className="space-y-2">
      <label htmlFor="counter-search" className="block text-base font-semibold text-stone-800">
        {t('searchLabel')}
      </label>
      <div className="relative">
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-4 size-6 -translate-y-1/2 text-stone-400"
        >
          <path
            d="M3 5v14M6 5v14M9 5v14M13 5v14M16 5v14M19 5v14M21 5v14"
            stroke="currentColor"
            strokeWidth="1.6"
            fill="none"
          />
        </svg>
        <input
          ref={inputRef}
          id="counter-search"
          name="q"
          type="search"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoFocus
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={t('searchPlaceholder')}
          aria-describedby="counter-search-hint"
          className={`${inputClass} h-16 pr-28 pl-13 text-lg [&::-webkit-search-cancel-button]:hidden`}
        />
        <div className="absolute inset-y-0 right-2 flex items-center gap-1">
          {pending && <Spinner className="size-5 text-stone-400" />}
          {value && (
            <button
              type="button"
              onClick={clear}
              className="inline-flex size-12 items-center justify-center rounded-lg text-stone-500 active:bg-stone-200"
              aria-label={t('clear')}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6">
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </button>
          )}
        </div>
      </div>
      <p id="counter-search-hint" className="text-sm text-stone-600">
        {t('searchHint')}
      </p>
      <div role="status" aria-live="polite" className="empty:hidden">
        {message?.text ? (
          <p
            className={`rounded-lg px-3 py-2 text-base font-medium ${message.ok ? 'bg-brand-50 text-brand-800 ring-1 ring-brand-200' : 'bg-red-50 text-red-800 ring-1 ring-red-200'}`}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/**
 * A scanner "types" into whatever has focus. When that is a button (after tapping "+" or "Add"), the
 * digits would be lost and its Enter would press that button again: letters and digits typed outside
 * a text field move the focus to the scan field first, so they land there.
 */
function useScannerFocus(inputRef: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || !/^[0-9A-Za-z]$/.test(event.key)) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      inputRef.current?.focus();
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [inputRef]);
}
