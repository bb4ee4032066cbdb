import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/counter/print-button';
import { LoyaltyBarcode } from '@/components/shop/loyalty-barcode';
import { LoyaltyCardButton } from '@/components/shop/loyalty-card-button';
import { requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getMyLoyalty } from '@/lib/loyalty/queries';
import './print.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.loyalty'))('cardTitle') };
}

/** The customer's loyalty card to print (or show on the phone): name, number and its barcode. */
export default async function LoyaltyCardPage() {
  const actor = await requirePageRole(['customer'], '/account/loyalty-card');
  const [t, tShop] = await Promise.all([getTranslations('shop.loyalty'), getTranslations('common')]);
  const loyalty = await getMyLoyalty(getDb(), actor);
  return (
    <div className="loyalty-print mx-auto max-w-xl space-y-6 px-4 py-8 sm:py-10">
      <div className="loyalty-print-hide space-y-2">
        <Link href="/account" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
        <h1 className="text-3xl font-semibold tracking-tight">{t('cardTitle')}</h1>
        <p className="text-stone-600">{t('cardHint')}</p>
      </div>
      {loyalty?.cardNumber ? (
        <>
          <article
            aria-label={t('cardTitle')}
            className="loyalty-print-card mx-auto flex aspect-[85.6/54] w-full max-w-sm flex-col justify-between rounded-2xl bg-white p-5 shadow-md ring-1 ring-stone-200"
          >
            <div className="flex items-baseline justify-between gap-3">
              <p className="text-lg font-bold text-brand-700">{tShop('appName')}</p>
              <p className="text-xs font-medium tracking-wide text-stone-500 uppercase">{t('cardTitle')}</p>
            </div>
            <p className="truncate font-semibold text-stone-900">{actor.name}</p>
            <LoyaltyBarcode
              cardNumber={loyalty.cardNumber}
              label={t('barcode', { number: loyalty.cardNumber })}
              className="h-24"
            />
          </article>
          <div className="loyalty-print-hide flex">
            <PrintButton label={t('print')} />
          </div>
        </>
      ) : (
        <div className="space-y-2">
          <p className="text-stone-600">{t('noCard')}</p>
          <LoyaltyCardButton />
        </div>
      )}
    </div>
  );
}
