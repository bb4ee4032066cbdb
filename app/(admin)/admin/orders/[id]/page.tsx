import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AfterSalesBadge } from '@/components/admin/after-sales-badge';
import { CancelOrderButton, MarkDeliveredButton, ResendMessageForm, ShipOrderForm } from '@/components/admin/order-actions';
import { OrderLinesSection, OrderMessagesSection, OrderOutboxSection, OrderPaymentsSection, OrderTimelineSection } from '@/components/admin/order-sections';
import { PageHeader } from '@/components/admin/page-header';
import { OrderReturnsCard } from '@/components/admin/returns/order-returns-card';
import { OrderStatusBadge } from '@/components/shop/order-status-badge';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getAdminOrderDetail } from '@/lib/order-admin/detail-queries';
import { getReturnableOrder } from '@/lib/returns/queries';
import { getOrderAfterSales } from '@/lib/returns/web-queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.order'))('pageTitle') };
}

/**
 * One order for an admin: what was charged, payments, the timeline, the conversation and the messages
 * sent, and the steps its state allows (ship, deliver, cancel, send a message again).
 */
export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(ADMIN_ROLES, `/admin/orders/${encodeURIComponent(id)}`);
  const order = await getAdminOrderDetail(getDb(), actor, id);
  if (!order) notFound();
  const [returnable, afterSales] = await Promise.all([getReturnableOrder(getDb(), order.id), getOrderAfterSales(getDb(), order.id)]);
  // Admins may start one past the window too (with a recorded reason).
  const canStartReturn =
    !!returnable && (returnable.returnable || returnable.refusal === 'returnWindowClosed') && returnable.lines.some((l) => l.returnableQuantity > 0);
  const [t, tDetail, tOrders, tOutbox, locale] = await Promise.all([
    getTranslations('admin.order'),
    getTranslations('admin.orderDetail'),
    getTranslations('admin.orders'),
    getTranslations('admin.outbox'),
    getLocale(),
  ]);
  const kindLabels = Object.fromEntries(
    order.resendKinds.map((kind) => {
      const [template, channel] = kind.split(':');
      return [kind, `${template} · ${tOutbox(`channels.${channel as 'email'}`)}`];
    }),
  );
  const where = order.pickupLocation ?? order.stockLocation;

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title={t('title', { number: order.number })}
        description={tDetail('summary', {
          channel: tOrders(`channels.${order.channel}`),
          fulfilment: tOrders(`fulfilments.${order.fulfilment}`),
          total: formatMoney(order.totalCents, locale),
          date: formatDateTime(order.placedAt, locale),
        })}
        back={{ href: '/admin/orders', label: tDetail('back') }}
        actions={
          <span className="flex flex-wrap gap-2">
            <OrderStatusBadge status={order.status} large />
            <AfterSalesBadge state={order.afterSales} large />
          </span>
        }
      />

      <div className="grid items-start gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <OrderLinesSection order={order} locale={locale} />
          <div className="grid gap-4 md:grid-cols-2">
            <OrderPaymentsSection order={order} locale={locale} />
            <OrderTimelineSection order={order} locale={locale} />
          </div>
          <OrderReturnsCard orderId={order.id} afterSales={afterSales} canStart={canStartReturn} locale={locale} />
          <OrderMessagesSection order={order} locale={locale} />
          <OrderOutboxSection order={order} locale={locale} />
        </div>

        <aside className="space-y-4" aria-label={tDetail('sidebar')}>
          <Card>
            <h2 className="text-base font-semibold text-stone-900">{tDetail('customer')}</h2>
            <p className="mt-2 text-sm font-medium">{order.customerName ?? tOrders('guest')}</p>
            <p className="text-sm break-all text-stone-600">{[order.email, order.phone].filter(Boolean).join(' · ')}</p>
            {order.customerId && (
              <a href={`/admin/customers/${order.customerId}`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
                {tDetail('openCustomer')}
              </a>
            )}
            <h3 className="mt-4 text-sm font-semibold text-stone-900">{order.fulfilment === 'delivery' ? tDetail('deliveryTo') : order.fulfilment === 'pickup' ? tDetail('pickupAt') : tDetail('soldAt')}</h3>
            {order.fulfilment === 'delivery' && order.shippingAddress ? (
              <address className="text-sm text-stone-700 not-italic">
                {order.shippingAddress.name}
                <br />
                {order.shippingAddress.street}
                <br />
                {order.shippingAddress.postcode} {order.shippingAddress.city}
              </address>
            ) : (
              <p className="text-sm text-stone-700">{where.name}</p>
            )}
            {order.trackingNumber && (
              <p className="mt-3 text-sm">
                <span className="font-medium">{tDetail('shippedWith', { carrier: order.carrier ?? '—' })}</span>
                <br />
                {order.trackingUrl ? (
                  <a href={order.trackingUrl} rel="noopener noreferrer" target="_blank" className="font-mono text-brand-700 hover:underline">
                    {order.trackingNumber}
                  </a>
                ) : (
                  <span className="font-mono">{order.trackingNumber}</span>
                )}
              </p>
            )}
          </Card>

          <Card className="space-y-5">
            <h2 className="text-base font-semibold text-stone-900">{tDetail('actions')}</h2>
            {!order.actions.ship && !order.actions.deliver && !order.actions.cancel && <p className="text-sm text-stone-600">{tDetail('noActions')}</p>}
            {order.fulfilment === 'delivery' && order.status === 'pending_payment' && <p className="text-sm text-stone-600">{tDetail('shipAfterPayment')}</p>}
            <ShipOrderForm orderId={order.id} available={order.actions.ship} />
            <MarkDeliveredButton orderId={order.id} available={order.actions.deliver} />
            <CancelOrderButton orderId={order.id} number={order.number} owesRefund={order.actions.cancelOwesRefund} available={order.actions.cancel} />
            {order.resendKinds.length > 0 && <ResendMessageForm orderId={order.id} kinds={order.resendKinds} labels={kindLabels} />}
          </Card>
        </aside>
      </div>
    </div>
  );
}
