import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/counter/print-button';
import { Receipt } from '@/components/counter/receipt';
import { ButtonLink, buttonClass } from '@/components/ui/button';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { surveyQr } from '@/lib/insight/satisfaction-qr';
import { findInvoiceForOrder } from '@/lib/invoices/issue-invoice';
import { getCounterReceipt } from '@/lib/orders/counter-queries';
import { getSetting } from '@/lib/settings/settings';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.receipt'))('pageTitle') };
}

/** The receipt of a counter sale; only staff of that store (or admins) — others get a plain 404. */
export default async function CounterReceiptPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/receipts/${encodeURIComponent(orderId)}`);
  const receipt = await getCounterReceipt(getDb(), orderId, actor);
  if (!receipt) notFound();
  const [t, locale, invoice, seller, survey] = await Promise.all([
    getTranslations('counter.receipt'),
    getLocale(),
    findInvoiceForOrder(getDb(), receipt.order.id),
    getSetting(getDb(), 'seller'),
    // A sale handed over at the counter asks for a rating (S12); an endless-aisle order does once it completes.
    receipt.order.status === 'completed' ? surveyQr(receipt.order.id) : null,
  ]);
  const cash = receipt.order.payments.find((p) => p.status === 'succeeded' && p.method === 'cash');

  return (
    <div className="mx-auto grid max-w-4xl gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:items-start">
      <div className="space-y-4 print:hidden">
        <div role="status" className="rounded-2xl bg-brand-600 px-5 py-4 text-white">
          <p className="text-lg font-semibold">{t('done', { number: receipt.order.number })}</p>
          {cash && (
            <p className="mt-1 text-3xl font-bold tabular-nums">
              {(cash.changeCents ?? 0) > 0
                ? t('giveChange', { amount: formatMoney(cash.changeCents ?? 0, locale) })
                : t('noChange')}
            </p>
          )}
        </div>
        <div className="flex gap-3">
          <PrintButton label={t('print')} />
          <ButtonLink href="/counter" size="xl" className="flex-1">
            {t('newSale')}
          </ButtonLink>
        </div>
        {invoice && (
          <a href={`/orders/${receipt.order.id}/invoice`} download className={buttonClass('secondary', 'lg', 'w-full')}>
            {t('downloadInvoice', { number: invoice.number })}
          </a>
        )}
      </div>
      <Receipt receipt={receipt} locale={locale} seller={seller} survey={survey} />
    </div>
  );
}
