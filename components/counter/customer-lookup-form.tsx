import Form from 'next/form';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';

/**
 * The one lookup field. It has focus when the page opens, so a keyboard-wedge scanner can type a
 * loyalty card number and press Enter without a tap. A GET form: the result is a page (back works).
 */
export function CustomerLookupForm({
  action,
  initialQuery,
  error,
}: {
  action: string;
  initialQuery: string;
  error?: string;
}) {
  const t = useTranslations('customers.lookup');
  return (
    <Form action={action} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <label htmlFor="customer-lookup" className="mb-1.5 block text-base font-medium text-stone-800">
        {t('label')}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="customer-lookup"
          name="q"
          type="search"
          defaultValue={initialQuery}
          key={initialQuery}
          autoFocus
          autoComplete="off"
          inputMode="search"
          maxLength={100}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={`customer-lookup-hint${error ? ' customer-lookup-error' : ''}`}
          className={`${inputClass} min-h-12 min-w-64 flex-1 text-lg`}
        />
        <button type="submit" className={buttonClass('primary', 'lg')}>
          {t('submit')}
        </button>
      </div>
      <p id="customer-lookup-hint" className="mt-1.5 text-sm text-stone-500">
        {t('hint')}
      </p>
      <FieldError id="customer-lookup-error" errors={error ? [error] : undefined} />
    </Form>
  );
}
