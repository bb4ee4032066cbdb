'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/actions/action-state';
import { setConsentAction } from '@/lib/insight/consent-actions';

type Landing = { source: string; medium: string; campaign: string; referrer: string };

// The landing's source, read once when the shop first renders in this tab: nothing may store it before
// consent, so the choice carries it (the server keeps only another site's referrer).
function readLanding(): Landing {
  if (typeof window === 'undefined') return { source: '', medium: '', campaign: '', referrer: '' };
  const q = new URLSearchParams(window.location.search);
  return {
    source: q.get('utm_source') ?? '',
    medium: q.get('utm_medium') ?? '',
    campaign: q.get('utm_campaign') ?? '',
    referrer: document.referrer.slice(0, 500),
  };
}

/** "Accept analytics cookies" / "Essential only": the banner and the cookie settings page. */
export function ConsentForm({ headingId }: { headingId?: string }) {
  const t = useTranslations('shop.consent');
  const [landing] = useState(readLanding);
  const [state, formAction, pending] = useActionState(setConsentAction, initialActionState);
  return (
    <form action={formAction} aria-labelledby={headingId} className="flex flex-col gap-3">
      {(['source', 'medium', 'campaign', 'referrer'] as const).map((name) =>
        landing[name] ? <input key={name} type="hidden" name={name} value={landing[name].slice(0, name === 'referrer' ? 500 : 200)} /> : null,
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="choice" value="all" disabled={pending} className={buttonClass('primary', 'md')}>
          {t('accept')}
        </button>
        <button type="submit" name="choice" value="essential" disabled={pending} className={buttonClass('secondary', 'md')}>
          {t('essential')}
        </button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
