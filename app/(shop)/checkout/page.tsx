import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CartTotals } from '@/components/shop/cart-totals';
import { SavingsList } from '@/components/shop/savings-list';
import { variantText } from '@/components/shop/variant-text';
import { getActor } from '@/lib/auth/session';
import { trackPageEvent } from '@/lib/insight/page-events';
import { getPricedCartPerFulfilment } from '@/lib/carts/queries';
import { currentWebCartId } from '@/lib/carts/web-cart';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/i18n/format';
import { getAvailability } from '@/lib/inventory/queries';
import { listStores } from '@/lib/locations/queries';
import { getCheckoutRedeemOptions } from '@/lib/loyalty/queries';
import { checkoutDefaults } from '@/lib/identity/checkout-defaults';
import { LINE_SCOPES } from '@/lib/promotions/explain';
import { getPaymentProvider } from '@/lib/payments/select';
import { getCheckoutStoreCredit } from '@/lib/payments/tender-queries';
import { CheckoutForm, type PickupStoreOption } from './_components/checkout-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.checkout'))('title') };
}

export default async function CheckoutPage() {
  const [t, tColors, tSavings, locale, actor] = await Promise.all([
    getTranslations('shop.checkout'),
    getTranslations('shop.colors'),
    getTranslations('shop.savings'),
    getLocale(),
    getActor(),
  ]);
  const db = getDb();
  const cartId = await currentWebCartId(db, actor);
  const now = new Date();
  // The same price function as cart and order placement, once per delivery method (shipping differs).
  const priced = cartId ? await getPricedCartPerFulfilment(db, cartId, { now, channel: 'web', locale }, ['delivery', 'pickup']) : null;
  const [delivery, pickup] = priced ?? [null, null];
  if (!delivery || !pickup || delivery.lines.length === 0 || delivery.unavailable.length > 0)
    redirect('/cart');
  // The touchpoint (S13), written after the response.
  await trackPageEvent({
    type: 'checkout_started',
    cartId,
    valueCents: delivery.totals.totalCents,
    customerId: actor?.role === 'customer' ? actor.customerId : null,
  });

  const [stores, availability] = await Promise.all([
    listStores(db),
    getAvailability(
      db,
      delivery.lines.map((l) => l.variantId),
    ),
  ]);
  const pickupStores: PickupStoreOption[] = stores
    .filter((s) => s.pickupEnabled)
    .map((s) => ({
      id: s.id,
      name: s.name,
      city: s.city,
      // A hint only: placing the order takes the stock atomically and says so if it ran out.
      allAvailable: delivery.lines.every(
        (line) =>
          ((availability[line.variantId] ?? []).find((a) => a.locationId === s.id)?.available ?? 0) >=
          line.quantity,
      ),
    }));

  const summary = (view: typeof delivery) => (
    <div className="space-y-4">
      <ul className="space-y-2 text-sm">
        {view.lines.map((line) => (
          <li key={line.variantId} className="flex flex-wrap justify-between gap-x-3">
            <span className="min-w-0">
              <span className="font-medium">{line.quantity} × </span>
              {line.productName}
              {variantText(tColors, line) && (
                <span className="text-stone-500"> · {variantText(tColors, line)}</span>
              )}
            </span>
            <span className="shrink-0">{formatMoney(line.lineTotalCents, locale)}</span>
            <SavingsList
              className="basis-full pl-4"
              size="xs"
              savings={line.savings.filter((s) => LINE_SCOPES.has(s.scope))}
              locale={locale}
              label={tSavings('lineLabel', { name: line.productName })}
            />
          </li>
        ))}
      </ul>
      <CartTotals totals={view.totals} savings={view.totals.savings} locale={locale} shippingFreeLabel={t('free')} />
    </div>
  );

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <Link href="/cart" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('backToCart')}
        </Link>
      </div>
      {!actor && (
        <p className="mt-2 text-sm text-stone-600">
          {t('signInHint')}{' '}
          <Link
            href="/sign-in?callbackUrl=%2Fcheckout"
            className="font-medium text-brand-700 hover:underline"
          >
            {t('signIn')}
          </Link>
        </p>
      )}
      <div className="mt-6">
        <CheckoutForm
          // One key per rendering of this page: a double submit places one order.
          idempotencyKey={randomUUID()}
          defaults={await checkoutDefaults(db, actor)}
          stores={pickupStores}
          totals={{ delivery: delivery.totals.totalCents, pickup: pickup.totals.totalCents }}
          summaries={{ delivery: summary(delivery), pickup: summary(pickup) }}
          loyalty={await getCheckoutRedeemOptions(db, actor, Math.max(delivery.totals.totalCents, pickup.totals.totalCents))}
          payment={{ provider: getPaymentProvider().method, storeCreditCents: await getCheckoutStoreCredit(db, actor) }}
          deliveryFee={
            delivery.totals.shippingCents > 0 ? formatMoney(delivery.totals.shippingCents, locale) : t('free')
          }
        />
      </div>
    </div>
  );
}
