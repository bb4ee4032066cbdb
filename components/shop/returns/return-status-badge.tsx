import { useTranslations } from 'next-intl';
import type { ReturnViewDto } from '@/lib/returns/queries';

type ReturnStatus = ReturnViewDto['status'];

const TONES: Record<ReturnStatus, string> = {
  requested: 'bg-amber-100 text-amber-900',
  in_transit: 'bg-sky-100 text-sky-900',
  received: 'bg-brand-100 text-brand-800',
  refunded: 'bg-stone-200 text-stone-800',
  closed: 'bg-stone-200 text-stone-800',
  cancelled: 'bg-red-100 text-red-800',
};

/** A return's status in words (shop and admin share it). */
export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  const t = useTranslations('shop.returns.statuses');
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${TONES[status]}`}>{t(status)}</span>;
}
