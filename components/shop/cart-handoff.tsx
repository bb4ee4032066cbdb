'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { startCartHandoffAction } from '@/lib/cart-handoff/actions';

interface Shown {
  code: string;
  expiresAt: string;
  svg: string;
}

/**
 * "Continue in store": the cart as a QR code and a short code the clerk types. The QR is an SVG drawn on
 * the server (lib/cart-handoff/qr.ts) from our own data, so inserting its markup is safe.
 */
export function CartHandoff() {
  const t = useTranslations('shop.handoff');
  const locale = useLocale();
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const issue = () =>
    start(async () => {
      const result = await startCartHandoffAction({});
      if (result.ok && result.data) {
        setShown(result.data as Shown);
        setError(null);
      } else if (!result.ok) {
        setError(result.formError ?? null);
      }
    });

  const until = shown
    ? new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(
        new Date(shown.expiresAt),
      )
    : '';

  return (
    <section aria-labelledby="handoff-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="handoff-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-stone-600">{t('body')}</p>
      {shown ? (
        <div className="mt-4 flex flex-col items-center gap-3 text-center">
          <div
            role="img"
            aria-label={t('qrLabel')}
            className="w-56 max-w-full rounded-xl bg-white p-2 ring-1 ring-stone-200 [&_svg]:h-auto [&_svg]:w-full"
            dangerouslySetInnerHTML={{ __html: shown.svg }}
          />
          <p className="text-sm text-stone-600">{t('codeLabel')}</p>
          <p className="font-mono text-4xl font-bold tracking-[0.3em] text-stone-900" data-testid="handoff-code">
            {shown.code}
          </p>
          <p className="text-sm text-stone-600">{t('validUntil', { time: until })}</p>
          <Button variant="secondary" onClick={issue} disabled={pending}>
            {pending && <Spinner />}
            {t('newCode')}
          </Button>
        </div>
      ) : (
        <Button className="mt-4 w-full" variant="secondary" size="lg" onClick={issue} disabled={pending}>
          {pending && <Spinner />}
          {t('show')}
        </Button>
      )}
      <div role="status" aria-live="polite" className="empty:hidden">
        {error && <p className="mt-2 text-sm text-red-700">{error}</p>}
      </div>
    </section>
  );
}
