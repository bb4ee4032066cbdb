import { useTranslations } from 'next-intl';
import type { AfterSalesState } from '@/lib/returns/after-sales-state';

const TONES: Record<AfterSalesState, string> = {
  returned: 'bg-violet-100 text-violet-900',
  partly_returned: 'bg-violet-50 text-violet-900 ring-1 ring-violet-200',
  exchanged: 'bg-teal-100 text-teal-900',
  partly_exchanged: 'bg-teal-50 text-teal-900 ring-1 ring-teal-200',
};

/** "Returned", "Partly returned", "Exchanged"…: what came back of an order, beside its status (nothing when nothing did). */
export function AfterSalesBadge({ state, large = false }: { state: AfterSalesState | null; large?: boolean }) {
  const t = useTranslations('admin.orders.afterSales');
  if (!state) return null;
  return (
    <span className={`inline-flex items-center rounded-full font-medium whitespace-nowrap ${large ? 'px-3 py-1 text-sm' : 'px-2.5 py-0.5 text-xs'} ${TONES[state]}`}>
      {t(state)}
    </span>
  );
}
