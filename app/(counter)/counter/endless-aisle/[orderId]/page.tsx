import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEndlessAisleOrder } from '@/lib/endless-aisle/queries';
import { formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.endlessAisle.done'))('title') };
}

/** After an endless-aisle order: what was ordered, paid, and what happens next (transfer or delivery). */
export default async function EndlessAisleDonePage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/endless-aisle/${orderId}`);
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) notFound();
  const [t, locale] = await Promise.all([getTranslations('counter.endlessAisle.done'), getLocale()]);
  const found = await getEndlessAisleOrder(getDb(), orderId, actor);
  if (!found) notFound();
  const { order, transferNumber } = found;
  const paid = order.payments.find((p) => p.status === 'succeeded');
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div role="status" className="rounded-2xl bg-brand-50 p-5 ring-1 ring-brand-200">
        <h1 className="text-2xl font-semibold text-brand-900">{t('heading', { number: order.number })}</h1>
        <p className="mt-1 text-brand-900">
          {order.fulfilment === 'pickup'
            ? t('pickupNext', { transfer: transferNumber ?? '—', store: order.pickupLocation?.name ?? '' })
            : t('deliveryNext', { from: order.stockLocation.name })}
        </p>
      </div>
      <section className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
        <ul className="space-y-1">
          {order.lines.map((l) => (
            <li key={l.id} className="flex justify-between gap-3">
              <span>
                {l.quantity} × {l.productName} {l.variantLabel && <span className="text-stone-600">({l.variantLabel})</span>}
              </span>
              <span className="tabular-nums">{formatMoney(l.lineTotalCents, locale)}</span>
            </li>
          ))}
        </ul>
        {order.shippingCents > 0 && (
          <p className="mt-2 flex justify-between text-stone-700">
            <span>{t('shipping')}</span>
            <span className="tabular-nums">{formatMoney(order.shippingCents, locale)}</span>
          </p>
        )}
        <p className="mt-3 flex justify-between border-t border-stone-200 pt-3 text-xl font-semibold">
          <span>{t('paid', { method: paid ? t(`methods.${paid.method === 'cash' ? 'cash' : 'card_terminal'}`) : '—' })}</span>
          <span className="tabular-nums">{formatMoney(order.totalCents, locale)}</span>
        </p>
        {paid?.changeCents ? <p className="mt-1 text-right text-stone-700">{t('change', { amount: formatMoney(paid.changeCents, locale) })}</p> : null}
        <p className="mt-3 text-sm text-stone-600">{t('confirmationSent', { contact: order.email ?? order.phone ?? '—' })}</p>
      </section>
      <ButtonLink href="/counter" size="lg">
        {t('newSale')}
      </ButtonLink>
    </div>
  );
}
