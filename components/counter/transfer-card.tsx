import { useTranslations } from 'next-intl';
import { TransferActionButton } from '@/components/admin/transfer-action-button';
import { TransferStatusBadge } from '@/components/admin/transfer-status-badge';
import type { TransferDetailDto } from '@/lib/transfers/queries';
import { TransferReceiveForm } from './transfer-receive-form';

/**
 * One open transfer of this store at the counter. Incoming in transit: count and receive. Outgoing
 * requested: ship. Otherwise it only says where it is.
 */
export function TransferCard({ transfer, direction }: { transfer: TransferDetailDto; direction: 'incoming' | 'outgoing' }) {
  const t = useTranslations('counter.transfers');
  const canReceive = direction === 'incoming' && transfer.status === 'in_transit';
  const canShip = direction === 'outgoing' && transfer.status === 'requested';
  return (
    <article aria-labelledby={`transfer-${transfer.id}-title`} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <header className="mb-3 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={`transfer-${transfer.id}-title`} className="font-mono text-lg font-semibold text-stone-900">
            {transfer.number}
          </h3>
          <p className="text-sm text-stone-600">
            {direction === 'incoming' ? t('from', { location: transfer.fromName }) : t('to', { location: transfer.toName })}
            {transfer.orderNumber && <> · {t('forOrder', { number: transfer.orderNumber })}</>}
          </p>
        </div>
        <TransferStatusBadge status={transfer.status} />
      </header>
      {canReceive ? (
        <TransferReceiveForm transferId={transfer.id} number={transfer.number} lines={transfer.lines} size="lg" surface="counter" />
      ) : (
        <>
          <ul className="mb-3 space-y-1 text-stone-800">
            {transfer.lines.map((l) => (
              <li key={l.id}>
                {l.quantity} × {l.productName}
                {l.variantLabel && <span className="text-stone-600"> ({l.variantLabel})</span>} <span className="font-mono text-sm text-stone-500">{l.sku}</span>
              </li>
            ))}
          </ul>
          {canShip ? (
            <TransferActionButton transferId={transfer.id} kind="ship" size="lg" surface="counter" label={t('ship', { number: transfer.number })} />
          ) : (
            <p className="text-sm text-stone-600">{direction === 'incoming' ? t('waitingForShipment') : t('onItsWay')}</p>
          )}
        </>
      )}
    </article>
  );
}
