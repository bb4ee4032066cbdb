import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PriceTag } from '@/components/shop/price-tag';
import { ProductImage } from '@/components/shop/product-image';
import { variantText } from '@/components/shop/variant-text';
import { ButtonLink } from '@/components/ui/button';
import { getActor } from '@/lib/auth/session';
import { getPricedCart } from '@/lib/carts/queries';
import { currentWebCartId } from '@/lib/carts/web-cart';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/i18n/format';
import { getSetting } from '@/lib/settings/settings';
import { CartHandoff } from '@/components/shop/cart-handoff';
import { CartTotals } from '@/components/shop/cart-totals';
import { YouMayAlsoLike } from '@/components/shop/recommendations';
import { SavingsList } from '@/components/shop/savings-list';
import { codeRefusalMessage, LINE_SCOPES } from '@/lib/promotions/explain';
import { LineControls } from './_components/line-controls';
import { PromotionCodeForm } from './_components/promotion-code-form';
import { RemoveCodeButton } from './_components/remove-code-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.cart'))('metaTitle') };
}

export default async function CartPage() {
  const [t, tColors, tSavings, tErrors, locale, actor] = await Promise.all([
    getTranslations('shop.cart'),
    getTranslations('shop.colors'),
    getTranslations('shop.savings'),
    getTranslations('errors'),
    getLocale(),
    getActor(),
  ]);
  const db = getDb();
  // Only the visitor's own cart: the customer's, or the anonymous one their cookie holds.
  const cartId = await currentWebCartId(db, actor);
  const view = cartId ? await getPricedCart(db, cartId, { now: new Date(), channel: 'web', locale, recordExposure: true }) : null;

  if (!view || (view.lines.length === 0 && view.unavailable.length === 0)) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-10">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <div className="mt-8 rounded-2xl bg-white px-6 py-14 text-center ring-1 ring-stone-200">
          <h2 className="text-xl font-semibold">{t('emptyTitle')}</h2>
          <p className="mx-auto mt-2 max-w-md text-stone-600">{t('emptyBody')}</p>
          <ButtonLink href="/products" className="mt-6" size="lg">
            {t('emptyCta')}
          </ButtonLink>
        </div>
      </div>
    );
  }

  const { lines, unavailable, totals, cart } = view;
  const shipping = await getSetting(db, 'shipping'); // the threshold priceCart charges by
  // A code kept on the cart that no longer applies (e.g. the minimum is no longer met) says why.
  const refusals = new Map(
    totals.codes.refusals.map((r) => {
      const m = codeRefusalMessage(r);
      return [r.code, (tErrors as (key: string, values?: Record<string, string | number>) => string)(m.key, m.values)] as const;
    }),
  );
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
        <Link href="/products" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('continueShopping')}
        </Link>
      </div>

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-4">
          <ul className="divide-y divide-stone-100 rounded-2xl bg-white ring-1 ring-stone-200">
            {lines.map((line) => {
              const href = `/products/${line.slug}?variant=${line.variantId}`;
              const label = variantText(tColors, line);
              return (
                <li key={line.variantId} className="flex gap-4 p-4">
                  <Link href={href} className="w-20 shrink-0 sm:w-28" tabIndex={-1} aria-hidden="true">
                    <ProductImage src={line.imagePath} alt="" />
                  </Link>
                  <div className="flex min-w-0 flex-1 flex-col gap-3">
                    <div className="flex items-start justify-between gap-4">
                      <div className="min-w-0 flex-1">
                        <h2 className="font-medium">
                          <Link href={href} className="hover:underline">
                            {line.productName}
                          </Link>
                        </h2>
                        {label && <p className="text-sm text-stone-600">{label}</p>}
                        <PriceTag
                          className="mt-1"
                          size="sm"
                          priceCents={line.unitNetPriceCents}
                          regularCents={line.unitPriceCents}
                          locale={locale}
                        />
                        <SavingsList
                          className="mt-1"
                          savings={line.savings.filter((s) => LINE_SCOPES.has(s.scope))}
                          locale={locale}
                          label={tSavings('lineLabel', { name: line.productName })}
                        />
                      </div>
                      <p className="shrink-0 font-semibold">
                        <span className="sr-only">{t('lineTotal')}: </span>
                        {formatMoney(line.lineTotalCents, locale)}
                      </p>
                    </div>
                    <LineControls
                      variantId={line.variantId}
                      quantity={line.quantity}
                      productName={line.productName}
                    />
                  </div>
                </li>
              );
            })}
          </ul>

          {unavailable.length > 0 && (
            <section
              aria-labelledby="unavailable-title"
              className="rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200"
            >
              <h2 id="unavailable-title" className="font-semibold text-amber-900">
                {t('unavailableTitle')}
              </h2>
              <p className="mt-1 text-sm text-amber-900">{t('unavailableBody')}</p>
              <ul className="mt-3 space-y-2">
                {unavailable.map((line) => (
                  <li
                    key={line.variantId}
                    className="flex flex-wrap items-center justify-between gap-2 text-sm"
                  >
                    <span>
                      {line.productName} {line.variantLabel && `(${line.variantLabel})`}
                    </span>
                    <LineControls
                      variantId={line.variantId}
                      quantity={line.quantity}
                      productName={line.productName}
                    />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <div className="space-y-6 lg:sticky lg:top-24">
          <aside
            aria-labelledby="summary-title"
            className="space-y-5 rounded-2xl bg-white p-5 ring-1 ring-stone-200"
          >
            <h2 id="summary-title" className="text-lg font-semibold">
              {t('summary')}
            </h2>
            <PromotionCodeForm />
            {cart.promotionCodes.length > 0 && (
              <div>
                <h3 className="text-sm font-medium text-stone-700">{t('appliedCodes')}</h3>
                <ul className="mt-1 space-y-1">
                  {cart.promotionCodes.map((code) => (
                    <li
                      key={code}
                      className="flex items-center justify-between gap-2 rounded-lg bg-stone-50 py-1 pl-3"
                    >
                      <span className="min-w-0">
                        <span className="font-mono text-sm font-medium">{code}</span>
                        {refusals.has(code) && (
                          <span className="block text-xs text-amber-800">{refusals.get(code)}</span>
                        )}
                      </span>
                      <RemoveCodeButton code={code} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <CartTotals
              totals={totals}
              savings={totals.savings}
              locale={locale}
              shippingNote={t('shippingNote', {
                threshold: formatMoney(shipping.freeDeliveryThresholdCents, locale),
              })}
            />
            {unavailable.length === 0 ? (
              <ButtonLink href="/checkout" size="lg" className="w-full">
                {t('checkout')}
              </ButtonLink>
            ) : (
              <p className="text-sm text-amber-900">{t('unavailableBody')}</p>
            )}
          </aside>
          {/* The same cart, paid in a store: the clerk loads it by QR or code (lib/cart-handoff). */}
          {unavailable.length === 0 && lines.length > 0 && <CartHandoff />}
        </div>
      </div>
      <YouMayAlsoLike
        productIds={lines.map((l) => l.productId)}
        customerId={actor?.role === 'customer' ? actor.customerId : null}
        locale={locale}
      />
    </div>
  );
}
