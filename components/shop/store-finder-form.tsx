'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, useSyncExternalStore, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { setShopperOriginAction } from '@/lib/locations/actions';

/** Four decimals (~10 m): more than the finder needs, and no more of the shopper's position than that. */
const rounded = (n: number) => n.toFixed(4);

/**
 * The store finder's search: a Dutch postcode, or the browser's location (Geolocation API, asked only on
 * the button press). The action remembers it in a cookie and Next re-renders the page with the stores
 * nearest first; a refused postcode shows its error under the field and changes nothing.
 */
export function StoreFinderForm({ defaultPostcode, idPrefix = 'store-finder' }: { defaultPostcode?: string; idPrefix?: string }) {
  const t = useTranslations('shop.stores');
  // One state for both ways of searching: the form's postcode and the browser's location.
  const [state, search, searching] = useActionState(
    (_previous: ActionState | null, input: FormData | { near: string }) => setShopperOriginAction(input),
    null,
  );
  const [locationProblem, setLocationProblem] = useState(false);
  const [, startTransition] = useTransition();
  const [waiting, setWaiting] = useState(false);
  // "Use my location" needs the script: until it runs (server HTML, hydration) the button is disabled,
  // so an early tap is not silently lost.
  const hydrated = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );

  const locateMe = () => {
    setLocationProblem(false);
    if (!('geolocation' in navigator)) return setLocationProblem(true);
    setWaiting(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        setWaiting(false);
        startTransition(() => search({ near: `${rounded(coords.latitude)},${rounded(coords.longitude)}` }));
      },
      () => {
        setWaiting(false);
        setLocationProblem(true);
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 10 * 60_000 },
    );
  };

  const id = `${idPrefix}-postcode`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const errors = state && !state.ok ? (state.fieldErrors?.postcode ?? (state.formError ? [state.formError] : undefined)) : undefined;
  const busy = waiting || searching;

  return (
    <form action={search} onSubmit={() => setLocationProblem(false)} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      <div className="sm:w-48">
        <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('postcode')}
        </label>
        <input
          id={id}
          name="postcode"
          className={inputClass}
          defaultValue={state && !state.ok ? state.values?.postcode : defaultPostcode}
          autoComplete="postal-code"
          inputMode="text"
          maxLength={7}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={`${hintId} ${errorId}`}
        />
      </div>
      <SubmitButton pendingLabel={t('find')}>{t('find')}</SubmitButton>
      <Button type="button" variant="secondary" onClick={locateMe} disabled={busy || !hydrated} aria-disabled={busy || !hydrated}>
        {busy && <Spinner />}
        {busy ? t('locating') : t('useLocation')}
      </Button>
      <div className="basis-full">
        <p id={hintId} className="text-sm text-stone-500">
          {t('postcodeHint')}
        </p>
        <FieldError id={errorId} errors={locationProblem ? [t('locationUnavailable')] : errors} />
      </div>
    </form>
  );
}
