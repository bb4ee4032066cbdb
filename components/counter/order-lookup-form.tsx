import Form from 'next/form';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

/** The counter's order look-up: one field for a number, an email or a phone number (a GET form). */
export async function OrderLookupForm({ term }: { term: string }) {
  const t = await getTranslations('counter.orderLookup');
  return (
    <Form action="/counter/orders" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <label htmlFor="order-lookup" className="mb-1.5 block text-base font-semibold text-stone-800">
        {t('label')}
      </label>
      <div className="flex gap-2">
        <input
          id="order-lookup"
          name="q"
          type="search"
          defaultValue={term}
          key={term}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby="order-lookup-hint"
          className={`${inputClass} h-16 text-lg`}
        />
        <Button type="submit" size="xl" variant="secondary">
          {t('find')}
        </Button>
      </div>
      <p id="order-lookup-hint" className="mt-1 text-sm text-stone-500">
        {t('hint')}
      </p>
    </Form>
  );
}
