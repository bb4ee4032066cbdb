import type { OrderListFilter, OrderSort } from './schemas';

/** /admin/orders with these filters (defaults left out, so links stay short and shareable). */
export function orderListHref(filter: OrderListFilter, patch: Partial<OrderListFilter> = {}): string {
  const f = { ...filter, ...patch };
  const search = new URLSearchParams();
  for (const key of ['q', 'channel', 'status', 'fulfilment', 'payment', 'from', 'to'] as const) {
    const value = f[key];
    if (value) search.set(key, value);
  }
  if (f.store) search.set('store', String(f.store));
  if (f.sort !== 'placed') search.set('sort', f.sort);
  if (f.dir !== 'desc') search.set('dir', f.dir);
  if (f.page > 1) search.set('page', String(f.page));
  const s = search.toString();
  return `/admin/orders${s ? `?${s}` : ''}`;
}

/** A column header's link: the same column flips the direction, another column starts descending. */
export function sortHref(filter: OrderListFilter, sort: OrderSort): string {
  const dir = filter.sort === sort ? (filter.dir === 'desc' ? 'asc' : 'desc') : 'desc';
  return orderListHref(filter, { sort, dir, page: 1 });
}

/** Whether any filter or search narrows the list (for the "Clear" link and the empty state). */
export function isFiltered(filter: OrderListFilter): boolean {
  return !!(filter.q || filter.channel || filter.status || filter.fulfilment || filter.payment || filter.from || filter.to || filter.store);
}
