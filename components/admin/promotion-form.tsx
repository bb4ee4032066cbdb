'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { Spinner } from '@/components/ui/spinner';
import type { ActionState } from '@/lib/actions/action-state';
import { createPromotionAction, updatePromotionAction } from '@/lib/promotions/actions';
import type { PromotionTargetOptions } from '@/lib/promotions/admin-queries';
import type { PromotionFormValues } from '@/lib/promotions/form-values';
import { ChannelFields } from './promotion-channel-fields';
import { DiscountFields } from './promotion-discount-fields';
import type { FieldErrors, SetValue } from './promotion-form-types';
import { PromotionPreviewPanel, type SampleLine } from './promotion-preview';
import { ConditionFields, CustomerTextFields, ExtraTargetFields, LimitFields, StackingFields } from './promotion-rule-fields';
import { TargetFields } from './promotion-target-fields';

function visibleErrors(state: ActionState | null, edited: string[]): FieldErrors {
  if (!state || state.ok || !state.fieldErrors) return undefined;
  const entries = Object.entries(state.fieldErrors).filter(([field]) => !edited.includes(field));
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** One form for new and existing promotions. Fields are controlled so the preview and the channel warning follow typing. */
export function PromotionForm({
  id,
  initial,
  initialSample,
  options,
}: {
  /** Set when editing. */
  id?: number;
  initial: PromotionFormValues;
  /** The preview's first sample cart (the admin edits it). */
  initialSample: SampleLine[];
  options: PromotionTargetOptions;
}) {
  const t = useTranslations('admin.promotionForm');
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(
    id === undefined ? createPromotionAction : updatePromotionAction,
    null,
  );
  const [values, setValues] = useState(initial);
  // Fields edited since the last answer: their (now stale) error is hidden until the next save.
  const [edited, setEdited] = useState<{ answer: typeof state; keys: string[] }>({ answer: null, keys: [] });
  const setValue: SetValue = (key, value) => {
    setValues((v) => ({ ...v, [key]: value }));
    const keys =
      key === 'target'
        ? [key, 'categoryId', 'productId', 'variantSku']
        : key === 'kind'
          ? [key, 'value']
          : key === 'startsAt'
            ? [key, 'endsAt']
            : key === 'scope'
              ? [key, 'kind', 'value']
              : [key];
    setEdited((e) => ({ answer: state, keys: [...(e.answer === state ? e.keys : []), ...keys] }));
  };
  const errors = visibleErrors(state, edited.answer === state ? edited.keys : []);
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused save, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [state]);

  // Submitted by hand rather than through <form action>: React would reset the form after the
  // action, and these fields are controlled.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  const summary: ActionState | null =
    state && !state.ok && !state.formError
      ? errors
        ? { ok: false, formError: t('fixErrors') }
        : null
      : state;

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem] lg:items-start"
    >
      <div className="space-y-6">
        <FormMessage state={summary} />
        {id !== undefined && <input type="hidden" name="id" value={id} />}

        <Card className="space-y-5">
          <h2 className="text-base font-semibold text-stone-900">{t('discountSection')}</h2>
          <Field
            label={t('name')}
            name="name"
            hint={t('nameHint')}
            value={values.name}
            onChange={(e) => setValue('name', e.target.value)}
            maxLength={120}
            required
            errors={errors?.name}
          />
          <DiscountFields values={values} setValue={setValue} errors={errors} />
        </Card>

        <Card className="space-y-5">
          <h2 className="text-base font-semibold text-stone-900">{t('customerSection')}</h2>
          <p className="-mt-3 text-sm text-stone-600">{t('customerSectionHint')}</p>
          <CustomerTextFields values={values} setValue={setValue} errors={errors} />
        </Card>

        <Card className="space-y-5">
          <h2 className="text-base font-semibold text-stone-900">{t('targetSection')}</h2>
          <TargetFields values={values} setValue={setValue} errors={errors} options={options} />
          <ExtraTargetFields values={values} setValue={setValue} errors={errors} options={options} />
        </Card>

        <Card className="space-y-5">
          <h2 className="text-base font-semibold text-stone-900">{t('conditionSection')}</h2>
          <ConditionFields values={values} setValue={setValue} errors={errors} />
        </Card>

        <Card className="space-y-5">
          <h2 className="text-base font-semibold text-stone-900">{t('windowSection')}</h2>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              label={t('starts')}
              name="startsAt"
              type="datetime-local"
              hint={t('startsHint')}
              value={values.startsAt}
              onChange={(e) => setValue('startsAt', e.target.value)}
              errors={errors?.startsAt}
            />
            <Field
              label={t('ends')}
              name="endsAt"
              type="datetime-local"
              hint={t('endsHint')}
              value={values.endsAt}
              onChange={(e) => setValue('endsAt', e.target.value)}
              errors={errors?.endsAt}
            />
          </div>
        </Card>

        <Card className="space-y-5">
          <h2 className="text-base font-semibold text-stone-900">{t('accessSection')}</h2>
          <Field
            label={t('code')}
            name="code"
            hint={t('codeHint')}
            value={values.code}
            onChange={(e) => setValue('code', e.target.value.toUpperCase())}
            autoComplete="off"
            spellCheck={false}
            maxLength={32}
            className="sm:max-w-md"
            errors={errors?.code}
          />
          <ChannelFields values={values} setValue={setValue} errors={errors} />
        </Card>

        <Card className="space-y-5">
          <h2 className="text-base font-semibold text-stone-900">{t('stackingSection')}</h2>
          <StackingFields values={values} setValue={setValue} errors={errors} />
        </Card>

        <Card className="space-y-5">
          <h2 className="text-base font-semibold text-stone-900">{t('limitSection')}</h2>
          <LimitFields values={values} setValue={setValue} errors={errors} />
        </Card>

        <div className="flex items-center gap-3">
          <Button type="submit" size="lg" disabled={pending} aria-disabled={pending}>
            {pending && <Spinner />}
            {pending ? t('saving') : t('save')}
          </Button>
          <ButtonLink href="/admin/promotions" variant="ghost" size="lg">
            {t('cancel')}
          </ButtonLink>
        </div>
      </div>

      <PromotionPreviewPanel values={values} initialSample={initialSample} editingId={id} skus={options.variants} />
    </form>
  );
}
