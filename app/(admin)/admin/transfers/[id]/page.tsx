import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { TransferActionButton } from '@/components/admin/transfer-action-button';
import { TransferStatusBadge } from '@/components/admin/transfer-status-badge';
import { TransferReceiveForm } from '@/components/counter/transfer-receive-form';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTransfer } from '@/lib/transfers/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.transfers'))('detailTitle') };
}

/** One transfer: its lines (sent and counted), its dates, and its next step (ship, cancel, receive). */
export default async function TransferDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/transfers/${id}`);
  const transferId = Number(id);
  if (!/^[0-9]{1,9}$/.test(id)) notFound();
  const [t, locale] = await Promise.all([getTranslations('admin.transfers'), getLocale()]);
  const transfer = await getTransfer(getDb(), transferId, locale);
  if (!transfer) notFound();
  const when = (d: Date | null) => (d ? formatDateTime(d, locale) : '—');

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={t('detailHeading', { number: transfer.number })}
        description={t('route', { from: transfer.fromName, to: transfer.toName })}
        back={{ href: '/admin/transfers', label: t('backToList') }}
        actions={<TransferStatusBadge status={transfer.status} />}
      />
      <dl className="mb-6 grid gap-4 sm:grid-cols-4">
        {[
          [t('columns.created'), when(transfer.createdAt)],
          [t('shippedAt'), when(transfer.shippedAt)],
          [t('receivedAt'), when(transfer.receivedAt)],
          [t('columns.order'), transfer.orderNumber ?? '—'],
        ].map(([label, value]) => (
          <div key={label} className="rounded-xl bg-white p-3 ring-1 ring-stone-200">
            <dt className="text-xs font-medium text-stone-500">{label}</dt>
            <dd className="mt-1 text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
      {transfer.note && <p className="mb-4 text-stone-700">{transfer.note}</p>}
      {transfer.status === 'in_transit' ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold text-stone-900">{t('receive.title')}</h2>
          <TransferReceiveForm transferId={transfer.id} number={transfer.number} lines={transfer.lines} />
        </Card>
      ) : (
        <DataTable
          caption={t('linesTitle')}
          rows={transfer.lines}
          rowKey={(l) => l.id}
          empty={t('empty')}
          columns={[
            { key: 'sku', header: t('columns.sku'), cell: (l) => <span className="font-mono text-xs">{l.sku}</span> },
            { key: 'item', header: t('columns.item'), cell: (l) => `${l.productName}${l.variantLabel ? ` (${l.variantLabel})` : ''}` },
            { key: 'sent', header: t('columns.sent'), numeric: true, cell: (l) => l.quantity },
            { key: 'received', header: t('columns.received'), numeric: true, cell: (l) => l.receivedQuantity ?? '—' },
            {
              key: 'short',
              header: t('columns.short'),
              numeric: true,
              cell: (l) => (l.receivedQuantity !== null && l.receivedQuantity < l.quantity ? <span className="font-semibold text-red-700">{l.quantity - l.receivedQuantity}</span> : '—'),
            },
          ]}
        />
      )}
      {transfer.status === 'requested' && (
        <div className="mt-4 flex gap-3">
          <TransferActionButton transferId={transfer.id} kind="ship" label={t('ship', { number: transfer.number })} />
          <TransferActionButton transferId={transfer.id} kind="cancel" label={t('cancel', { number: transfer.number })} />
        </div>
      )}
    </div>
  );
}
