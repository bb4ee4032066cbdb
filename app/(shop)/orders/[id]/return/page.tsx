import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReturnRequestForm } from '@/components/shop/returns/return-request-form';
import { translateVariantLabel } from '@/components/shop/variant-text';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getOrderForViewer, guestOrderIds } from '@/lib/orders/guest-orders';
import { getReturnableOrder } from '@/lib/returns/queries';
import { requestReturnAction } from '@/lib/returns/web-actions';
import { RETURN_REASONS } from '@/lib/returns/web-schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.returns'))('metaTitle'), robots: { index: false } };
}

/** "Return items": choose units and reasons, then by post or in a store. Only for whoever may see the order. */
export default async function ReturnItemsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [t, tColors, tErrors, locale, actor, guestIds] = await Promise.all([
    getTranslations('shop.returns'),
    getTranslations('shop.colors'),
    getTranslations('errors'),
    getLocale(),
    getActor(),
    guestOrderIds(),
  ]);
  const db = getDb();
  const order = await getOrderForViewer(db, id, { actor, guestOrderIds: guestIds });
  if (!order) notFound();
  const returnable = await getReturnableOrder(db, order.id);
  if (!returnable) notFound();
  const lines = returnable.lines.filter((l) => l.returnableQuantity > 0);

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:py-10">
      <div>
        <Link href={`/orders/${order.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          ← {t('backToOrder', { number: order.number })}
        </Link>
        <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="mt-1 text-stone-600">
          {returnable.window.endsAt
            ? t('windowUntil', { number: order.number, date: formatDate(returnable.window.endsAt, locale) })
            : t('intro', { number: order.number })}
        </p>
      </div>
      {returnable.returnable && lines.length > 0 ? (
        <ReturnRequestForm
          action={requestReturnAction}
          orderId={order.id}
          idempotencyKey={randomUUID()}
          reasons={RETURN_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
          lines={lines.map((l) => ({
            orderLineId: l.orderLineId,
            productName: l.productName,
            detail: [translateVariantLabel(tColors, l.variantLabel), l.sku].filter(Boolean).join(' · '),
            returnableQuantity: l.returnableQuantity,
            unitPaid: formatMoney(l.unitPaidCents, locale),
          }))}
        />
      ) : (
        <p role="status" className="rounded-2xl bg-amber-50 p-5 text-amber-950 ring-1 ring-amber-200">
          {returnable.refusal ? tErrors(returnable.refusal as 'generic') : t('nothingToReturn')}
        </p>
      )}
    </div>
  );
}
