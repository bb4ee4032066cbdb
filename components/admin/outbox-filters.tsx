import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES, type OutboxFilter } from '@/lib/notifications/schemas';

/** Status and channel filters as a plain GET form: the URL is the state, so it can be shared. */
export async function OutboxFilters({ filter, counts }: { filter: OutboxFilter; counts: Record<(typeof OUTBOX_STATUSES)[number], number> }) {
  const t = await getTranslations('admin.outbox');
  const filtered = filter.status !== undefined || filter.channel !== undefined;
  return (
    <form role="search" aria-label={t('filters')} action="/admin/outbox" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="w-52">
        <label htmlFor="outbox-status" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('status')}
        </label>
        <select id="outbox-status" name="status" defaultValue={filter.status ?? ''} className={inputClass}>
          <option value="">{t('all')}</option>
          {OUTBOX_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)} ({counts[status]})
            </option>
          ))}
        </select>
      </div>
      <div className="w-40">
        <label htmlFor="outbox-channel" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('channel')}
        </label>
        <select id="outbox-channel" name="channel" defaultValue={filter.channel ?? ''} className={inputClass}>
          <option value="">{t('all')}</option>
          {OUTBOX_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channels.${channel}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit">{t('apply')}</Button>
      {filtered && (
        <Link href="/admin/outbox" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
          {t('clear')}
        </Link>
      )}
    </form>
  );
}
