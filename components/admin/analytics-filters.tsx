import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

/** Date range, store and the channel-share period as a plain GET form: the URL is the state. */
export async function AnalyticsFilters({
  from,
  to,
  storeId,
  period,
  locations,
  error,
}: {
  from: string;
  to: string;
  storeId: number | null;
  period: 'week' | 'month';
  locations: { id: number; name: string }[];
  /** The id of the message that explains a refused range (the date fields point at it). */
  error?: string;
}) {
  const t = await getTranslations('analytics.filters');
  const described = error ? { 'aria-describedby': error, 'aria-invalid': true as const } : {};
  return (
    <form role="search" aria-label={t('label')} action="/admin/analytics" className="mb-6 flex flex-wrap items-end gap-3">
      <div className="w-44">
        <label htmlFor="analytics-from" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('from')}
        </label>
        <input id="analytics-from" type="date" name="from" defaultValue={from} className={inputClass} {...described} />
      </div>
      <div className="w-44">
        <label htmlFor="analytics-to" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('to')}
        </label>
        <input id="analytics-to" type="date" name="to" defaultValue={to} className={inputClass} {...described} />
      </div>
      <div className="w-56">
        <label htmlFor="analytics-store" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('store')}
        </label>
        <select id="analytics-store" name="store" defaultValue={storeId ? String(storeId) : ''} className={inputClass}>
          <option value="">{t('allStores')}</option>
          {locations.map((l) => (
            <option key={l.id} value={String(l.id)}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="w-40">
        <label htmlFor="analytics-period" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('period')}
        </label>
        <select id="analytics-period" name="period" defaultValue={period} className={inputClass}>
          <option value="week">{t('week')}</option>
          <option value="month">{t('month')}</option>
        </select>
      </div>
      <Button type="submit">{t('apply')}</Button>
      <Link href="/admin/analytics" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
        {t('reset')}
      </Link>
    </form>
  );
}
