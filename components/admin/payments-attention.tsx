import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, Card } from '@/components/ui/card';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { PaymentAnomalyDto } from '@/lib/payments/anomaly-queries';
import { RefundRetryButton } from './refund-retry-button';

/**
 * The dashboard's "Payments needing attention": webhook outcomes a retry could not fix and money
 * owed back, each with its order (linked) and what went wrong. Empty is stated, not hidden.
 */
export async function PaymentsAttention({ items, locale }: { items: PaymentAnomalyDto[]; locale: Locale }) {
  const t = await getTranslations('admin.dashboard.attention');
  return (
    <section aria-labelledby="payments-attention-title" className="mt-4">
      <Card>
        <h2 id="payments-attention-title" className="text-sm font-medium text-stone-600">
          {t('title')}
        </h2>
        {items.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600">{t('empty')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <caption className="sr-only">{t('title')}</caption>
              <thead className="border-b border-stone-200 text-xs font-semibold whitespace-nowrap text-stone-600">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    {t('columns.order')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('columns.issue')}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t('columns.amount')}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t('columns.since')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('columns.refund')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {items.map((item) => (
                  <tr key={item.key}>
                    <th scope="row" className="py-2 pr-3 font-medium whitespace-nowrap">
                      {item.orderId && item.orderNumber ? (
                        <Link
                          href={`/admin/orders/${item.orderId}`}
                          className="inline-flex min-h-11 items-center text-brand-700 hover:text-brand-900 hover:underline"
                        >
                          {item.orderNumber}
                        </Link>
                      ) : (
                        <span className="font-mono text-xs text-stone-600" title={t('noOrder')}>
                          {item.providerReference ?? t('noOrder')}
                        </span>
                      )}
                    </th>
                    <td className="py-2 pr-3">
                      <span className="mr-2">{t(`kinds.${item.kind}`)}</span>
                      {item.refundDue && <Badge tone="warning">{t('refundDue')}</Badge>}
                    </td>
                    <td className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">
                      {item.amountCents === null ? '—' : formatMoney(item.amountCents, locale)}
                    </td>
                    <td className="py-2 whitespace-nowrap text-stone-600">
                      <time dateTime={item.createdAt.toISOString()}>
                        {formatDateTime(item.createdAt, locale)}
                      </time>
                    </td>
                    <td className="py-2">
                      <div className="flex flex-wrap items-center gap-2">
                        {item.refund && (
                          <Badge tone={item.refund.status === 'failed' ? 'danger' : item.refund.status === 'succeeded' ? 'brand' : 'neutral'}>
                            {t(`refundStatus.${item.refund.status}`)}
                          </Badge>
                        )}
                        {item.paymentId && (
                          <RefundRetryButton paymentId={item.paymentId} order={item.orderNumber ?? item.providerReference ?? ''} retryable={item.retryable} />
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </section>
  );
}
