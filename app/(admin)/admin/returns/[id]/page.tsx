import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { CancelReturnButton } from '@/components/admin/returns/cancel-return-button';
import { ReceiveReturnForm } from '@/components/admin/returns/receive-return-form';
import { RefundReturnForm } from '@/components/admin/returns/refund-return-form';
import { ReturnStatusBadge } from '@/components/shop/returns/return-status-badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { listLocations } from '@/lib/locations/queries';
import { getReturnableOrder, getReturnView } from '@/lib/returns/queries';
import { getReturnsWarehouse } from '@/lib/returns/web-queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.returns'))('detailTitle') };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One return for the warehouse / an admin: its lines, receiving (condition per line), the refund, the credit note. */
export default async function AdminReturnPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/returns/${encodeURIComponent(id)}`);
  if (!UUID_RE.test(id)) notFound();
  const db = getDb();
  const view = await getReturnView(db, id);
  if (!view) notFound();
  const [t, tShop, tMethods, locale, locations, warehouse, order] = await Promise.all([
    getTranslations('admin.returns'),
    getTranslations('shop.returns'),
    getTranslations('admin.order.methods'),
    getLocale(),
    listLocations(db),
    getReturnsWarehouse(db),
    getReturnableOrder(db, view.orderId),
  ]);
  const money = (cents: number) => formatMoney(cents, locale);
  const open = view.status === 'requested' || view.status === 'in_transit';
  const lineLabel = (l: (typeof view.lines)[number]) => `${l.quantity} × ${l.productName} (${l.sku})`;
  const paidWith = [...new Set((order?.payments ?? []).filter((p) => p.amountCents > 0).map((p) => tMethods(p.method as 'cash')))].join(', ');
  const facts: [string, ReactNode][] = [
    [t('columns.order'), <Link key="o" href={`/admin/orders/${view.orderId}`} className="font-mono text-brand-700 hover:underline">{view.orderNumber}</Link>],
    [t('columns.customer'), order?.order.customer ?? order?.order.email ?? t('guest')],
    [t('columns.method'), t(`methods.${view.method}`)],
    [t('columns.location'), view.locationName ?? t('anyStore')],
    [t('requestedAt'), formatDateTime(view.requestedAt, locale)],
    [t('receivedAtTime'), view.receivedAt ? formatDateTime(view.receivedAt, locale) : '—'],
    [t('refundedAt'), view.refundedAt ? formatDateTime(view.refundedAt, locale) : '—'],
  ];

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title={t('returnTitle', { number: view.number })}
        description={t('detailSummary', { order: view.orderNumber, units: view.units, amount: money(view.refundTotalCents) })}
        back={{ href: '/admin/returns', label: t('back') }}
        actions={<ReturnStatusBadge status={view.status} />}
      />
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <section aria-labelledby="return-lines-title" className="space-y-3">
            <h2 id="return-lines-title" className="text-base font-semibold text-stone-900">
              {t('lines')}
            </h2>
            <DataTable
              caption={t('lines')}
              rows={view.lines}
              rowKey={(l) => l.id}
              empty={t('noLines')}
              columns={[
                {
                  key: 'item',
                  header: t('columns.item'),
                  cell: (l) => (
                    <>
                      <span className="block font-medium text-stone-900">{l.productName}</span>
                      <span className="block text-xs text-stone-500">{[l.variantLabel, l.sku].filter(Boolean).join(' · ')}</span>
                    </>
                  ),
                },
                { key: 'quantity', header: t('columns.quantity'), numeric: true, cell: (l) => l.quantity },
                { key: 'reason', header: t('columns.reason'), cell: (l) => [tShop(`reasons.${l.reason}`), l.reasonNote].filter(Boolean).join(': ') },
                { key: 'condition', header: t('columns.condition'), cell: (l) => (l.condition ? t(`conditions.${l.condition}`) : '—') },
                { key: 'vat', header: t('columns.vat'), numeric: true, cell: (l) => `${l.vatRateBp / 100}%` },
                { key: 'refund', header: t('columns.refund'), numeric: true, cell: (l) => <span className="font-medium">{money(l.refundCents)}</span> },
              ]}
            />
            {view.shippingRefundCents > 0 && <p className="text-right text-sm text-stone-600">{t('shippingRefund', { amount: money(view.shippingRefundCents) })}</p>}
            <p className="text-right text-sm font-semibold">{t('refundTotal', { amount: money(view.refundTotalCents) })}</p>
          </section>

          <Card>
            <h2 className="text-base font-semibold text-stone-900">{t('refundsTitle')}</h2>
            {view.refunds.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{t('noRefunds')}</p>
            ) : (
              <ul className="mt-2 divide-y divide-stone-100 text-sm">
                {view.refunds.map((r) => (
                  <li key={r.id} className="flex flex-wrap justify-between gap-3 py-2">
                    <span>
                      {tMethods(r.method as 'cash')} · {tShop(`refundStatuses.${r.status}`)}
                      {r.failureReason && <span className="block text-xs text-red-700">{r.failureReason}</span>}
                      <span className="block text-xs text-stone-500">{formatDateTime(r.createdAt, locale)}</span>
                    </span>
                    <span className="font-medium">{money(r.amountCents)}</span>
                  </li>
                ))}
              </ul>
            )}
            {view.creditNote && (
              <p className="mt-3 border-t border-stone-100 pt-3 text-sm">
                <a href={`/orders/${view.orderId}/credit-notes/${view.creditNote.id}`} download className="font-medium text-brand-700 hover:underline">
                  {t('downloadCreditNote', { number: view.creditNote.number })}
                </a>
              </p>
            )}
          </Card>
        </div>

        <aside className="space-y-4" aria-label={t('sidebar')}>
          <Card>
            <dl className="space-y-2 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="flex justify-between gap-3">
                  <dt className="text-stone-600">{label}</dt>
                  <dd className="text-right font-medium text-stone-900">{value}</dd>
                </div>
              ))}
            </dl>
            {view.windowOverrideReason && (
              <p className="mt-3 rounded-lg bg-amber-50 p-2 text-sm text-amber-950 ring-1 ring-amber-200">{t('overrideNote', { reason: view.windowOverrideReason })}</p>
            )}
            {view.exchangeOrder && (
              <p className="mt-3 text-sm">
                {t('exchangeOrder')}{' '}
                <Link href={`/admin/orders/${view.exchangeOrder.id}`} className="font-mono text-brand-700 hover:underline">
                  {view.exchangeOrder.number}
                </Link>
              </p>
            )}
          </Card>
          {open && (
            <Card>
              <ReceiveReturnForm
                returnId={view.id}
                lines={view.lines.map((l) => ({ id: l.id, label: lineLabel(l) }))}
                locations={locations.map((l) => ({ id: l.id, name: l.name }))}
                defaultLocationId={view.locationId ?? warehouse?.id ?? null}
              />
            </Card>
          )}
          {view.status === 'received' && (
            <Card>
              <RefundReturnForm
                returnId={view.id}
                idempotencyKey={randomUUID()}
                amount={money(view.refundTotalCents - view.refundedCents)}
                originalMethods={paidWith || '—'}
                storeCreditAllowed={view.customerId !== null}
              />
            </Card>
          )}
          {open && (
            <Card>
              <CancelReturnButton returnId={view.id} number={view.number} />
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
