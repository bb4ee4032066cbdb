import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

const label = 'mb-1.5 block text-sm font-medium text-stone-700';

export interface ReturnFilterValues {
  status: string;
  method: string;
  location: string;
  q: string;
}

function Select({ id, name, text, value, options }: { id: string; name: string; text: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <select id={id} name={name} defaultValue={value} className={`${inputClass} min-h-11`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Search and filters of /admin/returns as a plain GET form: the URL is the state. */
export async function ReturnFilters({
  values,
  statuses,
  locations,
}: {
  values: ReturnFilterValues;
  statuses: readonly string[];
  locations: { id: number; name: string }[];
}) {
  const [t, tStatus] = await Promise.all([getTranslations('admin.returns'), getTranslations('shop.returns.statuses')]);
  const all = { value: '', label: t('all') };
  const filtered = Object.values(values).some(Boolean);
  return (
    <form role="search" aria-label={t('filters')} action="/admin/returns" className="mb-4 space-y-3 rounded-2xl bg-white p-4 ring-1 ring-stone-200">
      <div className="grid items-end gap-3 md:grid-cols-[minmax(14rem,2fr)_1fr_1fr_1fr_auto]">
        <div>
          <label htmlFor="returns-q" className={label}>
            {t('search')}
          </label>
          <input id="returns-q" name="q" type="search" defaultValue={values.q} placeholder={t('searchPlaceholder')} className={`${inputClass} min-h-11`} />
        </div>
        <Select id="returns-status" name="status" text={t('status')} value={values.status} options={[all, ...statuses.map((s) => ({ value: s, label: tStatus(s as 'requested') }))]} />
        <Select id="returns-method" name="method" text={t('method')} value={values.method} options={[all, ...(['post', 'counter'] as const).map((m) => ({ value: m, label: t(`methods.${m}`) }))]} />
        <Select id="returns-location" name="location" text={t('location')} value={values.location} options={[all, ...locations.map((l) => ({ value: String(l.id), label: l.name }))]} />
        <div className="flex items-center gap-2">
          <Button type="submit">{t('apply')}</Button>
          {filtered && (
            <Link href="/admin/returns" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
              {t('clear')}
            </Link>
          )}
        </div>
      </div>
    </form>
  );
}
