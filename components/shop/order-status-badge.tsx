import { useTranslations } from 'next-intl';
import type { OrderSummaryDto } from '@/lib/orders/queries';

type OrderStatus = OrderSummaryDto['status'];

const TONES: Record<OrderStatus, string> = {
  pending_payment: 'bg-amber-100 text-amber-900',
  paid: 'bg-brand-100 text-brand-800',
  ready_for_pickup: 'bg-sky-100 text-sky-900',
  collected: 'bg-stone-200 text-stone-800',
  shipped: 'bg-sky-100 text-sky-900',
  delivered: 'bg-stone-200 text-stone-800',
  completed: 'bg-stone-200 text-stone-800',
  cancelled: 'bg-red-100 text-red-800',
};

export function OrderStatusBadge({ status, large = false }: { status: OrderStatus; large?: boolean }) {
  const t = useTranslations('shop.order.statuses');
  return (
    <span
      className={`inline-flex items-center rounded-full font-medium ${large ? 'px-3 py-1 text-sm' : 'px-2.5 py-0.5 text-xs'} ${TONES[status]}`}
    >
      {t(status)}
    </span>
  );
}
