import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/counter/print-button';
import { ReturnReceipt } from '@/components/counter/returns/return-receipt';
import { PayDifferenceForm, ReceiveReturnForm, RefundReturnForm } from '@/components/counter/returns/return-steps';
import { StoreGate } from '@/components/counter/store-gate';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { getLocation } from '@/lib/locations/queries';
import { getCounterStore } from '@/lib/orders/counter-session';
import { getOrderById } from '@/lib/orders/queries';
import { exchangeAmountDue } from '@/lib/returns/counter-queries';
import { getReturnableOrder, getReturnView } from '@/lib/returns/queries';
import { getSetting } from '@/lib/settings/settings';
import { EXCHANGE_PROVIDER_METHOD } from '@/lib/returns/exchange-payment';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.returns'))('title') };
}

/**
 * A return at the counter: the confirmation with its 80 mm receipt (print) and the A4 credit note, or
 * the step still open — receive an RMA started online, refund a received return, take the difference
 * of an exchange for a dearer item.
 */
export default async function CounterReturnPage({ params }: { params: Promise<{ returnId: string }> }) {
  const { returnId } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/returns/${encodeURIComponent(returnId)}`);
  if (!/^[0-9a-f-]{36}$/i.test(returnId)) notFound();
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const view = await getReturnView(db, returnId);
  if (!view) notFound();
  const [t, tMethods, locale, seller, location, exchange, order] = await Promise.all([
    getTranslations('counter.returns'),
    getTranslations('counter.zReport.methods'),
    getLocale(),
    getSetting(db, 'seller'),
    view.locationId ? getLocation(db, view.locationId) : Promise.resolve(null),
    view.exchangeOrder ? getOrderById(db, view.exchangeOrder.id) : Promise.resolve(null),
    getReturnableOrder(db, view.orderId),
  ]);
  const money = (c: number) => formatMoney(c, locale);
  const dueCents = view.exchangeOrder ? await exchangeAmountDue(db, view.exchangeOrder.id) : 0;
  const methodName = (m: string) => (tMethods.has(m as never) ? tMethods(m as never) : m);
  const originalMethods = [...new Set((order?.payments ?? []).filter((p) => p.providerMethod !== EXCHANGE_PROVIDER_METHOD).map((p) => methodName(p.method)))];
  const hasCustomer = view.customerId !== null;
  const waiting = view.status === 'requested' || view.status === 'in_transit';
  // A received return with no refund given (none yet, or only failed ones): the refund is still to do.
  const owed = view.status === 'received' && !view.exchangeOrder && view.refunds.every((r) => r.status === 'failed');
  const lineName = (l: { productName: string; variantLabel: string }) => `${l.productName}${l.variantLabel ? ` (${l.variantLabel})` : ''}`;

  return (
    <div className="mx-auto grid max-w-5xl gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:items-start">
      <div className="space-y-4 print:hidden">
        <div role="status" className={`rounded-2xl px-5 py-4 ${waiting || owed || dueCents > 0 ? 'bg-amber-50 text-amber-950 ring-1 ring-amber-200' : 'bg-brand-600 text-white'}`}>
          <h1 className="text-xl font-semibold">
            {waiting
              ? t('waitingTitle', { number: view.number })
              : view.exchangeOrder
                ? t('exchangeDone', { number: view.number, order: view.exchangeOrder.number })
                : t('returnDone', { number: view.number })}
          </h1>
          <p className="mt-1">
            {t('ofOrder', { order: view.orderNumber })} · {t(`status.${view.status}`)}
          </p>
          {!waiting && view.refunds.filter((r) => r.status !== 'failed').length > 0 && (
            <ul className="mt-2 text-2xl font-bold tabular-nums">
              {view.refunds
                .filter((r) => r.status !== 'failed')
                .map((r) => (
                  <li key={r.id}>{r.method === 'cash' ? t('giveCash', { amount: money(r.amountCents) }) : t('refunded', { amount: money(r.amountCents), method: methodName(r.method) })}</li>
                ))}
            </ul>
          )}
          {view.exchangeOrder && dueCents === 0 && view.refunds.length === 0 && <p className="mt-2 text-2xl font-bold">{t('noCharge')}</p>}
        </div>

        {waiting && (
          <ReceiveReturnForm
            returnId={view.id}
            idempotencyKey={randomUUID()}
            lines={view.lines.map((l) => ({ id: l.id, name: lineName(l) }))}
            hasCustomer={hasCustomer}
            originalMethods={originalMethods}
          />
        )}
        {owed && !waiting && <RefundReturnForm returnId={view.id} idempotencyKey={randomUUID()} hasCustomer={hasCustomer} originalMethods={originalMethods} />}
        {dueCents > 0 && <PayDifferenceForm returnId={view.id} idempotencyKey={randomUUID()} amount={money(dueCents)} />}

        {!waiting && (
          <div className="flex flex-wrap gap-3">
            <PrintButton label={t('print')} />
            <ButtonLink href="/counter/returns" size="xl" className="flex-1">
              {t('nextReturn')}
            </ButtonLink>
          </div>
        )}
        {view.creditNote && (
          // A file from a route handler: a plain link (no client navigation, no prefetch).
          <a href={`/orders/${view.orderId}/credit-notes/${view.creditNote.id}`} download className={buttonClass('secondary', 'lg', 'w-full')}>
            {t('downloadCreditNote', { number: view.creditNote.number })}
          </a>
        )}
      </div>
      <ReturnReceipt view={view} exchange={exchange} store={location ?? store} seller={seller} locale={locale} />
    </div>
  );
}
