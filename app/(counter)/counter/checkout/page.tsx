import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CartTotals } from '@/components/counter/cart-totals';
import { variantText } from '@/components/counter/item-label';
import { PaymentPanel } from '@/components/counter/payment-panel';
import { StoreGate } from '@/components/counter/store-gate';
import { TillBanner } from '@/components/counter/till-banner';
import { ButtonLink } from '@/components/ui/button';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { findCounterCartId } from '@/lib/carts/queries';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterRedeemOptions } from '@/lib/loyalty/queries';
import { getCounterCartView } from '@/lib/orders/counter-queries';
import { getCounterStore } from '@/lib/orders/counter-session';
import { getCounterStoreCredit } from '@/lib/payments/tender-queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.checkout'))('title') };
}

/** The payment step: cash (with change, rounded to 5 cents) or the card terminal — or split with points, store credit and card — for the clerk's counter cart. */
export default async function CounterCheckoutPage() {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/checkout');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const [t, colors, locale] = await Promise.all([
    getTranslations('counter.checkout'),
    getTranslations('shop.colors'),
    getLocale(),
  ]);
  const cartId = await findCounterCartId(db, actor.userId);
  const cart = cartId
    ? await getCounterCartView(db, { cartId, storeId: store.id, locale, now: new Date() })
    : null;
  if (!cart || cart.lines.length === 0 || cart.unavailable.length > 0) redirect('/counter');

  return (
    <div className="mx-auto grid max-w-5xl gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <div className="space-y-4">
        <div className="flex items-center gap-3">
          <ButtonLink href="/counter" variant="secondary" size="lg">
            <span aria-hidden="true">←</span> {t('back')}
          </ButtonLink>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
        </div>
        <TillBanner actor={actor} />
        {/* A fresh key per rendering of this step: a double tap sends the same one, so one sale. */}
        <PaymentPanel
          totalCents={cart.totals.totalCents}
          idempotencyKey={randomUUID()}
          loyalty={await getCounterRedeemOptions(db, actor, { cartId: cartId!, totalCents: cart.totals.totalCents })}
          storeCredit={await getCounterStoreCredit(db, actor, cartId!)}
        />
      </div>
      <section
        aria-labelledby="summary-title"
        className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
      >
        <h2 id="summary-title" className="text-lg font-semibold">
          {t('summary', { count: cart.itemCount })}
        </h2>
        <ul className="mt-2 divide-y divide-stone-100 text-sm">
          {cart.lines.map((line) => (
            <li key={line.variantId} className="flex justify-between gap-3 py-2">
              <span className="min-w-0">
                <span className="font-medium tabular-nums">{line.quantity}×</span> {line.productName}
                {(line.size || line.color) && (
                  <span className="text-stone-500"> · {variantText(colors, line)}</span>
                )}
              </span>
              <span className="shrink-0 tabular-nums">{formatMoney(line.lineTotalCents, locale)}</span>
            </li>
          ))}
        </ul>
        <div className="mt-3 border-t border-stone-200 pt-3">
          <CartTotals totals={cart.totals} locale={locale} />
        </div>
      </section>
    </div>
  );
}
