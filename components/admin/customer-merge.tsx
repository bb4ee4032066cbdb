'use client';

import Form from 'next/form';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { mergeCustomersAction } from '@/lib/customers/actions';
import type { CustomerSummaryDto } from '@/lib/customers/queries';

/**
 * Merge a duplicate into this profile in two steps: find the duplicate (a GET search on this page),
 * then confirm with both names in view and a checkbox. The page's profile is the one that stays.
 */
export function CustomerMerge({
  keep,
  query,
  candidates,
  error,
  duplicate,
}: {
  keep: { id: number; name: string };
  query: string;
  candidates: CustomerSummaryDto[] | null;
  error?: string;
  duplicate: CustomerSummaryDto | null;
}) {
  const t = useTranslations('customers.merge');
  const [state, formAction] = useActionState<ActionState | null, FormData>(mergeCustomersAction, null);
  const here = `/admin/customers/${keep.id}`;
  return (
    <Card className="space-y-3">
      <h2 className="text-base font-semibold text-stone-900">{t('title')}</h2>
      <p className="text-sm text-stone-600">{t('intro')}</p>
      {duplicate ? (
        <form action={formAction} className="space-y-3 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200">
          <h3 className="font-semibold text-amber-950">
            {t('confirmTitle', { merge: duplicate.name, keep: keep.name })}
          </h3>
          <p className="text-sm text-amber-950">
            {t('confirmBody', {
              merge: `${duplicate.name} (#${duplicate.id})`,
              keep: `${keep.name} (#${keep.id})`,
            })}
          </p>
          <FormMessage state={state} />
          <input type="hidden" name="keepId" value={keep.id} />
          <input type="hidden" name="mergeId" value={duplicate.id} />
          <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-stone-900">
            <input
              type="checkbox"
              name="confirm"
              required
              className="size-5 rounded border-stone-300"
              aria-describedby="merge-confirm-error"
            />
            {t('confirm')}
          </label>
          <FieldError
            id="merge-confirm-error"
            errors={
              state && !state.ok ? (state.fieldErrors?.confirm ?? state.fieldErrors?.mergeId) : undefined
            }
          />
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="danger">{t('submit')}</SubmitButton>
            <Link href={here} className={buttonClass('secondary')}>
              {t('cancel')}
            </Link>
          </div>
        </form>
      ) : (
        <>
          <Form action={here} className="flex flex-wrap items-end gap-2">
            <div className="min-w-48 flex-1">
              <label htmlFor="merge-find" className="mb-1.5 block text-sm font-medium text-stone-700">
                {t('find')}
              </label>
              <input
                id="merge-find"
                name="mergeQ"
                type="search"
                defaultValue={query}
                key={query}
                autoComplete="off"
                maxLength={100}
                aria-invalid={error ? true : undefined}
                aria-describedby="merge-find-error"
                className={inputClass}
              />
            </div>
            <Button type="submit" variant="secondary">
              {t('findSubmit')}
            </Button>
          </Form>
          <FieldError id="merge-find-error" errors={error ? [error] : undefined} />
          {candidates &&
            (candidates.length === 0 ? (
              <p role="status" className="text-sm text-stone-600">
                {t('noneFound')}
              </p>
            ) : (
              <ul className="space-y-1">
                {candidates.map((c) => (
                  <li key={c.id}>
                    <Link
                      href={`${here}?mergeWith=${c.id}`}
                      className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
                    >
                      {t('choose', { name: `${c.name} (#${c.id}${c.email ? `, ${c.email}` : ''})` })}
                    </Link>
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
    </Card>
  );
}
