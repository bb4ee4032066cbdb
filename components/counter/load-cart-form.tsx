'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { loadCartHandoffAction } from '@/lib/cart-handoff/counter-actions';
import type { LoadedHandoff } from '@/lib/cart-handoff/mutations';
import { LoadCartResult } from './load-cart-result';
import { QrScanner } from './qr-scanner';

/**
 * The clerk types the customer's cart code, or a keyboard-wedge scanner types it (and Enter), or the
 * camera reads the QR: all three submit this one form.
 */
export function LoadCartForm() {
  const t = useTranslations('counter.loadCart');
  const [state, formAction] = useActionState(loadCartHandoffAction, null);
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const error = state && !state.ok ? (state.fieldErrors?.code?.[0] ?? state.formError) : undefined;
  const typed = state && !state.ok ? state.values?.code : undefined;
  const loaded = state?.ok ? (state.data as LoadedHandoff | undefined) : undefined;

  const onRead = (text: string) => {
    if (!input.current || !form.current) return;
    input.current.value = text;
    form.current.requestSubmit();
  };

  return (
    <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
      <div className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200">
        <form ref={form} action={formAction} noValidate className="space-y-2">
          <label htmlFor="cart-code" className="block text-base font-medium text-stone-800">
            {t('codeLabel')}
          </label>
          <div className="flex gap-2">
            <input
              ref={input}
              id="cart-code"
              name="code"
              defaultValue={typed}
              key={typed ?? (loaded ? 'done' : '')}
              autoFocus
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder={t('codePlaceholder')}
              aria-invalid={error ? true : undefined}
              aria-describedby="cart-code-hint cart-code-error"
              className={`${inputClass} h-14 font-mono text-2xl tracking-[0.2em] uppercase placeholder:font-sans placeholder:text-base placeholder:tracking-normal placeholder:normal-case`}
            />
            <SubmitButton size="xl" className="shrink-0 whitespace-nowrap">{t('load')}</SubmitButton>
          </div>
          <p id="cart-code-hint" className="text-sm text-stone-600">
            {t('codeHint')}
          </p>
          <div id="cart-code-error" role="status" aria-live="polite" className="empty:hidden">
            {error && <p className="rounded-lg bg-red-50 px-3 py-2 text-red-800 ring-1 ring-red-200">{error}</p>}
          </div>
        </form>
        <QrScanner onRead={onRead} />
      </div>
      {loaded && state?.ok && <LoadCartResult loaded={loaded} message={state.message ?? ''} />}
    </div>
  );
}
