import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CartTotals } from '@/components/shop/cart-totals';
import { LiveRefresh } from '@/components/shop/live-refresh';
import { OrderAfterSalesSection } from '@/components/shop/returns/order-after-sales';
import { OrderBarcode } from '@/components/shop/order-barcode';
import { OrderStatusBadge } from '@/components/shop/order-status-badge';
import { translateVariantLabel } from '@/components/shop/variant-text';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { findInvoiceForOrder } from '@/lib/invoices/issue-invoice';
import { getOrderForViewer, guestOrderIds } from '@/lib/orders/guest-orders';
import { orderTopic } from '@/lib/orders/live';
import { trackingUrlFor } from '@/lib/order-admin/tracking';
import { onlinePaymentState } from '@/lib/payments/queries';
import { getReturnableOrder } from '@/lib/returns/queries';
import { getOrderAfterSales } from '@/lib/returns/web-queries';
import { reviewLinksForVariants } from '@/lib/reviews/queries';
import { OrderConversation } from './_components/order-conversation';
import { OrderSatisfaction } from './_components/order-satisfaction';
import { PaymentPanel } from './_components/payment-panel';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.order'))('metaTitle'), robots: { index: false } };
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, tColors, locale, actor, guestIds] = await Promise.all([
    getTranslations('shop.order'),
    getTranslations('shop.colors'),
    getLocale(),
    getActor(),
    guestOrderIds(),
  ]);
  // The customer who owns it or the browser that placed it as a guest; anyone else gets a 404.
  const order = await getOrderForViewer(getDb(), id, { actor, guestOrderIds: guestIds });
  if (!order) notFound();
  const [invoice, returnable, afterSales, reviewLinks, tReviews] = await Promise.all([
    findInvoiceForOrder(getDb(), order.id),
    getReturnableOrder(getDb(), order.id),
    getOrderAfterSales(getDb(), order.id),
    // "Write a review" per product the signed-in customer bought (S10).
    reviewLinksForVariants(getDb(), actor, order.lines.map((l) => l.variantId)),
    getTranslations('reviews.form'),
  ]);

  const payment = onlinePaymentState(order);
  const paidOnline = order.payments.some((p) => (p.method === 'test_provider' || p.method === 'mollie') && p.status === 'succeeded');
  const money = (cents: number) => formatMoney(cents, locale);
  const trackingUrl = trackingUrlFor(order.carrier, order.trackingNumber, order.shippingAddress);
  const showPickupCode =
    order.pickupCode && (order.status === 'ready_for_pickup' || order.status === 'collected');

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:py-10">
      {/* Status and payment changes are pushed (lib/orders/live.ts). While a payment is being confirmed its
          webhook may land before the stream opens: re-read once it is open. */}
      <LiveRefresh topics={[orderTopic(order.id)]} catchUpOnOpen={payment === 'confirming'} />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{t('title', { number: order.number })}</h1>
          <p className="mt-1 text-stone-600">
            {t('placedOn', { date: formatDateTime(order.placedAt, locale) })}
          </p>
        </div>
        <div className="flex items-center gap-2 text-sm">
          <span className="text-stone-600">{t('status')}:</span>
          <OrderStatusBadge status={order.status} large />
        </div>
      </header>

      {payment !== 'settled' && order.channel === 'web' && (
        <PaymentPanel orderId={order.id} state={payment} />
      )}
      {order.status === 'paid' && paidOnline && (
        <section role="status" className="rounded-2xl bg-brand-50 p-5 ring-1 ring-brand-200">
          <h2 className="font-semibold text-brand-900">{t('paymentReceived')}</h2>
          <p className="mt-1 text-sm text-brand-900">{t('paymentReceivedBody')}</p>
        </section>
      )}

      <div className="grid items-start gap-6 md:grid-cols-[1fr_18rem]">
        <section aria-labelledby="items-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="items-title" className="text-lg font-semibold">
            {t('items')}
          </h2>
          <ul className="mt-3 divide-y divide-stone-100">
            {order.lines.map((line) => (
              <li key={line.id} className="flex justify-between gap-4 py-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium">{line.productName}</p>
                  <p className="text-stone-600">
                    {[translateVariantLabel(tColors, line.variantLabel), line.sku]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p className="text-stone-600">
                    {t('quantityTimes', { quantity: line.quantity, price: money(line.unitPriceCents) })}
                  </p>
                  {line.promotionName && (
                    <p className="text-accent-600">
                      {line.promotionName}: −{money(line.discountCents)}
                    </p>
                  )}
                  {reviewLinks[line.variantId] && (
                    <Link
                      href={`/products/${reviewLinks[line.variantId]}#reviews-title`}
                      aria-label={`${tReviews('title')}: ${line.productName}`}
                      className="mt-1 inline-block font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {tReviews('title')}
                    </Link>
                  )}
                </div>
                <p className="shrink-0 font-medium">{money(line.lineTotalCents)}</p>
              </li>
            ))}
          </ul>
          <div className="mt-3 border-t border-stone-200 pt-4">
            <CartTotals
              totals={{ ...order, vat: order.vatBreakdown }}
              hideShipping={order.fulfilment === 'in_store'}
              locale={locale}
              shippingFreeLabel={(await getTranslations('shop.checkout'))('free')}
            />
          </div>
          {order.promotionCodes.length > 0 && (
            <p className="mt-3 text-xs text-stone-500">
              {t('promotionCodes')}: {order.promotionCodes.join(', ')}
            </p>
          )}
          {invoice && (
            <p className="mt-4 border-t border-stone-100 pt-3 text-sm">
              {/* A file from a route handler: a plain link (no client navigation, no prefetch). */}
              <a href={`/orders/${order.id}/invoice`} download className="font-medium text-brand-700 hover:underline">
                {t('downloadInvoice', { number: invoice.number })}
              </a>
            </p>
          )}
        </section>

        <div className="space-y-6">
          <section
            aria-labelledby="delivery-title"
            className="rounded-2xl bg-white p-5 text-sm ring-1 ring-stone-200"
          >
            <h2 id="delivery-title" className="text-lg font-semibold">
              {order.fulfilment === 'pickup'
                ? t('pickupAt')
                : order.fulfilment === 'in_store'
                  ? t('boughtInStore')
                  : t('delivery')}
            </h2>
            {order.fulfilment === 'pickup' && order.pickupLocation ? (
              <div className="mt-2 space-y-3">
                <address className="not-italic">
                  <span className="font-medium">{order.pickupLocation.name}</span>
                  <br />
                  {order.pickupLocation.street}
                  <br />
                  {order.pickupLocation.postcode} {order.pickupLocation.city}
                </address>
                {showPickupCode ? (
                  <div className="rounded-xl bg-brand-50 p-3 ring-1 ring-brand-200">
                    <p className="text-xs font-medium text-brand-800 uppercase">{t('pickupCode')}</p>
                    <p className="font-mono text-2xl font-semibold tracking-widest text-brand-900">
                      {order.pickupCode}
                    </p>
                    <p className="text-xs text-brand-800">{t('pickupCodeHint')}</p>
                  </div>
                ) : (
                  <p className="text-stone-600">{t('pickupCodeLater')}</p>
                )}
              </div>
            ) : order.shippingAddress ? (
              <address className="mt-2 not-italic">
                <span className="text-stone-600">{t('deliveryTo')}:</span>
                <br />
                <span className="font-medium">{order.shippingAddress.name}</span>
                <br />
                {order.shippingAddress.street}
                <br />
                {order.shippingAddress.postcode} {order.shippingAddress.city}
              </address>
            ) : (
              <p className="mt-2 text-stone-600">{order.stockLocation.name}</p>
            )}
            {order.trackingNumber && (order.status === 'shipped' || order.status === 'delivered') && (
              <div className="mt-3 rounded-xl bg-sky-50 p-3 ring-1 ring-sky-200">
                <p className="text-xs font-medium text-sky-900 uppercase">{t('shippedWith', { carrier: order.carrier ?? '—' })}</p>
                <p className="text-sky-900">
                  {t('trackingNumber')}: <span className="font-mono font-semibold">{order.trackingNumber}</span>
                </p>
                {trackingUrl && (
                  <a href={trackingUrl} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-700 hover:underline">
                    {t('trackParcel')}
                  </a>
                )}
              </div>
            )}
            {(order.email || order.phone) && (
              <p className="mt-3 border-t border-stone-100 pt-3 text-stone-600">
                <span className="font-medium text-stone-800">{t('contact')}:</span>{' '}
                {[order.email, order.phone].filter(Boolean).join(' · ')}
              </p>
            )}
          </section>

          {order.status !== 'cancelled' && (
            <section aria-labelledby="barcode-title" className="rounded-2xl bg-white p-5 text-sm ring-1 ring-stone-200">
              <h2 id="barcode-title" className="text-lg font-semibold">
                {t('barcodeTitle')}
              </h2>
              <p className="mt-1 text-stone-600">{t('barcodeHint')}</p>
              <OrderBarcode number={order.number} label={t('barcodeLabel', { number: order.number })} className="mt-3" />
            </section>
          )}

          <section
            aria-labelledby="timeline-title"
            className="rounded-2xl bg-white p-5 ring-1 ring-stone-200"
          >
            <h2 id="timeline-title" className="text-lg font-semibold">
              {t('timeline')}
            </h2>
            <ol className="mt-3 space-y-3 border-l-2 border-stone-200 pl-4 text-sm">
              {order.events.map((event, i) => (
                <li key={i} className="relative">
                  <span
                    className={`absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full ring-2 ring-white ${event.type === 'payment_failed' || event.type === 'cancelled' ? 'bg-red-500' : event.type === 'refund_due' || event.type === 'handover_undone' ? 'bg-amber-500' : 'bg-brand-600'}`}
                    aria-hidden="true"
                  />
                  <p className="font-medium">{t(`events.${event.type as 'placed'}`)}</p>
                  <p className="text-stone-500">
                    <time dateTime={event.createdAt.toISOString()}>
                      {formatDateTime(event.createdAt, locale)}
                    </time>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>

      <OrderSatisfaction order={order} />

      <OrderAfterSalesSection orderId={order.id} returnable={returnable} afterSales={afterSales} locale={locale} />

      <OrderConversation order={order} viewer={{ actor, guestOrderIds: guestIds }} locale={locale} />

      <p className="flex flex-wrap gap-4 text-sm">
        {actor?.role === 'customer' && (
          <Link href="/account" className="font-medium text-brand-700 hover:underline">
            ← {t('backToAccount')}
          </Link>
        )}
        <Link href="/products" className="font-medium text-brand-700 hover:underline">
          {t('continueShopping')}
        </Link>
      </p>
    </div>
  );
}
