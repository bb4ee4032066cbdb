'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState, type ActionState } from '@/lib/actions/action-state';
import { setConsentAction } from '@/lib/insight/consent-actions';

const LANDING_FIELDS = ['source', 'medium', 'campaign', 'referrer'] as const;
type Landing = Record<(typeof LANDING_FIELDS)[number], string>;

// The landing's source, read once when the shop first renders in this tab (the layout stays mounted
// while the shopper browses): nothing may store it before consent, so the choice carries it. The server
// validates it and keeps only another site's referrer.
function readLanding(): Landing {
  const q = new URLSearchParams(window.location.search);
  return {
    source: (q.get('utm_source') ?? '').slice(0, 200),
    medium: (q.get('utm_medium') ?? '').slice(0, 200),
    campaign: (q.get('utm_campaign') ?? '').slice(0, 200),
    referrer: document.referrer.slice(0, 500),
  };
}

/** "Accept analytics cookies" / "Essential only": the banner and the cookie settings page. */
export function ConsentForm({ headingId }: { headingId?: string }) {
  const t = useTranslations('shop.consent');
  const landing = useRef<Landing | null>(null);
  useEffect(() => {
    landing.current ??= readLanding();
  }, []);
  const [state, formAction, pending] = useActionState(async (prev: ActionState | null, form: FormData) => {
    for (const name of LANDING_FIELDS) {
      const value = landing.current?.[name];
      if (value) form.set(name, value);
    }
    return setConsentAction(prev, form);
  }, initialActionState);
  return (
    <form action={formAction} aria-labelledby={headingId} className="flex flex-col gap-3">
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
