import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReturnStatusBadge } from '@/components/shop/returns/return-status-badge';
import { translateVariantLabel } from '@/components/shop/variant-text';
import { buttonClass } from '@/components/ui/button';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getOrderForViewer, guestOrderIds } from '@/lib/orders/guest-orders';
import { rmaBarcodeSvg } from '@/lib/returns/rma-barcode';
import { getReturnOfOrder, getReturnsWarehouse } from '@/lib/returns/web-queries';
import { getSetting } from '@/lib/settings/settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.returns'))('labelMetaTitle'), robots: { index: false } };
}

/**
 * A return the customer started: by post the label (PDF) and what to do, in a store the RMA to show at
 * any counter; both with the RMA as a barcode. Only for whoever may see the order.
 */
export default async function ReturnLabelPage({ params }: { params: Promise<{ id: string; returnId: string }> }) {
  const { id, returnId } = await params;
  const [t, tColors, locale, actor, guestIds] = await Promise.all([
    getTranslations('shop.returns'),
    getTranslations('shop.colors'),
    getLocale(),
    getActor(),
    guestOrderIds(),
  ]);
  const db = getDb();
  const order = await getOrderForViewer(db, id, { actor, guestOrderIds: guestIds });
  if (!order) notFound();
  const view = await getReturnOfOrder(db, order.id, returnId);
  if (!view) notFound();
  const [warehouse, shop] = await Promise.all([getReturnsWarehouse(db), getSetting(db, 'shop')]);
  const byPost = view.method === 'post';
  const open = view.status === 'requested' || view.status === 'in_transit';

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:py-10">
      <div>
        <Link href={`/orders/${order.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {t('backToOrder', { number: order.number })}
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-3xl font-semibold tracking-tight">{t('returnTitle', { number: view.number })}</h1>
          <ReturnStatusBadge status={view.status} />
        </div>
        <p className="mt-1 text-stone-600">{t('requestedOn', { date: formatDate(view.requestedAt, locale), order: order.number })}</p>
      </div>

      {open && (
        <section role="status" className="rounded-2xl bg-brand-50 p-5 ring-1 ring-brand-200">
          <h2 className="font-semibold text-brand-900">{byPost ? t('nextPostTitle') : t('nextStoreTitle')}</h2>
          <p className="mt-1 text-sm text-brand-900">{byPost ? t('nextPostBody') : t('nextStoreBody', { number: view.number })}</p>
        </section>
      )}

      <section aria-labelledby="rma-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="rma-title" className="text-xs font-medium text-stone-600 uppercase">
          {t('rmaNumber')}
        </h2>
        <p className="font-mono text-3xl font-semibold tracking-wider text-brand-800">{view.number}</p>
        {/* Server-made SVG of an RMA-shaped text only (rmaBarcodeSvg refuses anything else). */}
        <div
          role="img"
          aria-label={t('barcodeLabel', { number: view.number })}
          className="mt-3 max-w-xs [&>svg]:h-auto [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: rmaBarcodeSvg(view.number) }}
        />
        {byPost && warehouse && (
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <div>
              <h3 className="text-xs font-medium text-stone-600 uppercase">{t('sendTo')}</h3>
              <address className="mt-1 text-sm not-italic">
                <span className="font-medium">
                  {shop.name} · {t('returnsDept')}
                </span>
                <br />
                {warehouse.name}
                <br />
                {warehouse.street}
                <br />
                {warehouse.postcode} {warehouse.city}
              </address>
            </div>
            {open && (
              <div className="flex items-end">
                {/* A file from a route handler: a plain link. */}
                <a href={`/orders/${order.id}/returns/${view.id}/label`} download className={buttonClass('primary', 'lg')}>
                  {t('downloadLabel')}
                </a>
              </div>
            )}
          </div>
        )}
        {!byPost && (
          <p className="mt-4 text-sm">
            <Link href="/stores" className="font-medium text-brand-700 hover:underline">
              {t('findStore')}
            </Link>
          </p>
        )}
      </section>

      {byPost && open && (
        <section aria-labelledby="steps-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="steps-title" className="text-lg font-semibold">
            {t('howTitle')}
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5 text-sm">
            <li>{t('step1')}</li>
            <li>{t('step2', { number: view.number })}</li>
            <li>{t('step3')}</li>
            <li>{t('step4')}</li>
          </ol>
        </section>
      )}

      <section aria-labelledby="return-lines-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="return-lines-title" className="text-lg font-semibold">
          {t('inThisReturn')}
        </h2>
        <ul className="mt-3 divide-y divide-stone-100 text-sm">
          {view.lines.map((l) => (
            <li key={l.id} className="flex justify-between gap-4 py-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {l.quantity} × {l.productName}
                </p>
                <p className="text-stone-600">{[translateVariantLabel(tColors, l.variantLabel), l.sku].filter(Boolean).join(' · ')}</p>
                <p className="text-stone-600">{t(`reasons.${l.reason}`)}</p>
              </div>
              <p className="shrink-0 font-medium">{formatMoney(l.refundCents, locale)}</p>
            </li>
          ))}
        </ul>
        <p className="mt-3 flex justify-between border-t border-stone-200 pt-3 font-semibold">
          <span>{view.status === 'refunded' || view.status === 'closed' ? t('refunded') : t('toBeRefunded')}</span>
          <span>{formatMoney(view.refundTotalCents, locale)}</span>
        </p>
      </section>
    </div>
  );
}
