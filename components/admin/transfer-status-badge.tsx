import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import type { TransferSummaryDto } from '@/lib/transfers/queries';

const TONES = { requested: 'warning', in_transit: 'accent', received: 'brand', cancelled: 'neutral' } as const;

export function TransferStatusBadge({ status }: { status: TransferSummaryDto['status'] }) {
  const t = useTranslations('admin.transfers.status');
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
