import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/i18n/format';
import { getHostedPayment } from '@/lib/payments/queries';
import { PaymentChoice } from './payment-choice';

const MERCHANT = 'Omnishop B.V.';

export async function generateMetadata(): Promise<Metadata> {
  return { title: { absolute: (await getTranslations('shop.pay'))('title') }, robots: { index: false } };
}

export default async function HostedPaymentPage({ params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const [t, locale] = await Promise.all([getTranslations('shop.pay'), getLocale()]);
  const payment = await getHostedPayment(getDb(), paymentId);
  if (!payment) notFound();

  return (
    <div className="w-full max-w-md overflow-hidden rounded-2xl bg-white shadow-xl ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-3 bg-indigo-700 px-6 py-4 text-white">
        <p className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true">
            <rect
              x="2"
              y="5"
              width="20"
              height="14"
              rx="3"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
            <path d="M2 10h20" stroke="currentColor" strokeWidth="2" />
          </svg>
          Omnipay
        </p>
        <span className="rounded-full bg-amber-300 px-2.5 py-0.5 text-xs font-semibold text-amber-950">
          TEST
        </span>
      </div>
      <div className="space-y-6 px-6 py-6">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
          <p className="mt-1 text-sm text-amber-800">{t('testMode')}</p>
        </div>
        <dl className="divide-y divide-slate-100 rounded-xl bg-slate-50 px-4 text-sm ring-1 ring-slate-200">
          <div className="flex justify-between gap-4 py-3">
            <dt className="text-slate-600">{t('merchant')}</dt>
            <dd className="font-medium text-slate-900">{MERCHANT}</dd>
          </div>
          <div className="flex justify-between gap-4 py-3">
            <dt className="text-slate-600">{t('description')}</dt>
            <dd className="font-medium text-slate-900">
              {t('orderNumber', { number: payment.orderNumber })}
            </dd>
          </div>
          <div className="flex items-baseline justify-between gap-4 py-3">
            <dt className="text-slate-600">{t('amount')}</dt>
            <dd className="text-2xl font-semibold text-slate-900" data-testid="payment-amount">
              {formatMoney(payment.amountCents, locale)}
            </dd>
          </div>
        </dl>
        {payment.status === 'pending' ? (
          <PaymentChoice paymentId={payment.providerReference} />
        ) : (
          <div className="space-y-4">
            <p role="status" className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800">
              {payment.status === 'succeeded' ? t('alreadyDone') : t('failedDone')}
            </p>
            <Link
              href={`/orders/${payment.orderId}`}
              className="inline-flex h-11 w-full items-center justify-center rounded-lg bg-indigo-700 px-4 text-sm font-medium text-white hover:bg-indigo-800"
            >
              {t('backToShop')}
            </Link>
          </div>
        )}
        <p className="flex items-center justify-center gap-1.5 text-xs text-slate-500">
          <svg
            viewBox="0 0 24 24"
            className="size-3.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            <rect x="5" y="11" width="14" height="10" rx="2" />
            <path d="M8 11V7a4 4 0 0 1 8 0v4" />
          </svg>
          {t('secure')}
        </p>
      </div>
    </div>
  );
}
