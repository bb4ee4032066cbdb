'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setLocaleAction } from '@/lib/i18n/actions';
import { LOCALES, type Locale } from '@/lib/i18n/config';

/** Switches the language for this browser; the choice is kept in a cookie and applies to every surface. */
export function LanguageSwitcher({ className = '' }: { className?: string }) {
  const t = useTranslations('common');
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    startTransition(async () => {
      await setLocaleAction({ locale });
      router.refresh();
    });
  }

  return (
    <div role="group" aria-label={t('language')} className={`inline-flex rounded-lg ring-1 ring-stone-300 ${className}`}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() => choose(locale)}
          className="min-h-9 min-w-11 px-2.5 text-sm font-medium uppercase first:rounded-l-lg last:rounded-r-lg aria-pressed:bg-stone-900 aria-pressed:text-white hover:bg-stone-100 aria-pressed:hover:bg-stone-900"
          title={t(`languages.${locale}`)}
        >
          <span className="sr-only">{t(`languages.${locale}`)}</span>
          <span aria-hidden="true">{locale}</span>
        </button>
      ))}
    </div>
  );
}
