import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { isFiltered } from '@/lib/order-admin/list-url';
import {
  ORDER_CHANNELS,
  ORDER_FULFILMENTS,
  ORDER_SORTS,
  ORDER_STATUSES,
  PAYMENT_STATES,
  SORT_DIRECTIONS,
  type OrderListFilter,
} from '@/lib/order-admin/schemas';

const label = 'mb-1.5 block text-sm font-medium text-stone-700';

function Select({ id, name, text, value, options }: { id: string; name: string; text: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <select id={id} name={name} defaultValue={value} className={inputClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Search and filters of the admin order list as a plain GET form: the URL is the state, so a filtered
 * list can be shared and works without JavaScript.
 */
export async function OrderFilters({ filter, locations }: { filter: OrderListFilter; locations: { id: number; name: string }[] }) {
  const [t, tStatus] = await Promise.all([getTranslations('admin.orders'), getTranslations('shop.order.statuses')]);
  const all = { value: '', label: t('all') };
  return (
    <form role="search" aria-label={t('filters')} action="/admin/orders" className="mb-4 space-y-3 rounded-2xl bg-white p-4 ring-1 ring-stone-200">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="orders-q" className={label}>
            {t('search')}
          </label>
          <input id="orders-q" name="q" type="search" defaultValue={filter.q ?? ''} placeholder={t('searchPlaceholder')} aria-describedby="orders-q-hint" className={inputClass} />
          <p id="orders-q-hint" className="mt-1 text-xs text-stone-500">
            {t('searchHint')}
          </p>
        </div>
        <Button type="submit" className="mb-5">
          {t('apply')}
        </Button>
        {isFiltered(filter) && (
          <Link href="/admin/orders" className="mb-5 inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
            {t('clear')}
          </Link>
        )}
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-5">
        <Select id="orders-channel" name="channel" text={t('channel')} value={filter.channel ?? ''} options={[all, ...ORDER_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))]} />
        <Select id="orders-status" name="status" text={t('status')} value={filter.status ?? ''} options={[all, ...ORDER_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))]} />
        <Select id="orders-fulfilment" name="fulfilment" text={t('fulfilment')} value={filter.fulfilment ?? ''} options={[all, ...ORDER_FULFILMENTS.map((f) => ({ value: f, label: t(`fulfilments.${f}`) }))]} />
        <Select id="orders-store" name="store" text={t('store')} value={filter.store ? String(filter.store) : ''} options={[all, ...locations.map((l) => ({ value: String(l.id), label: l.name }))]} />
        <Select id="orders-payment" name="payment" text={t('payment')} value={filter.payment ?? ''} options={[all, ...PAYMENT_STATES.map((p) => ({ value: p, label: t(`paymentStates.${p}`) }))]} />
        <div>
          <label htmlFor="orders-from" className={label}>
            {t('from')}
          </label>
          <input id="orders-from" name="from" type="date" defaultValue={filter.from ?? ''} className={inputClass} />
        </div>
        <div>
          <label htmlFor="orders-to" className={label}>
            {t('to')}
          </label>
          <input id="orders-to" name="to" type="date" defaultValue={filter.to ?? ''} className={inputClass} />
        </div>
        <Select id="orders-sort" name="sort" text={t('sort')} value={filter.sort} options={ORDER_SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) }))} />
        <Select id="orders-dir" name="dir" text={t('direction')} value={filter.dir} options={SORT_DIRECTIONS.map((d) => ({ value: d, label: t(`directions.${d}`) }))} />
      </div>
    </form>
  );
}
