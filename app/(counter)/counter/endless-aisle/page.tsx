import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EndlessAisleForm } from '@/components/counter/endless-aisle-form';
import { EndlessAisleStock } from '@/components/counter/endless-aisle-stock';
import { StoreGate } from '@/components/counter/store-gate';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { findCounterCartId } from '@/lib/carts/queries';
import { getDb } from '@/lib/db';
import { getCartCustomer, getEndlessAisleVariant, priceEndlessAisleOrder } from '@/lib/endless-aisle/queries';
import { MAX_ENDLESS_AISLE_QUANTITY } from '@/lib/endless-aisle/schemas';
import { formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.endlessAisle'))('title') };
}

type Params = { variant?: string | string[]; from?: string | string[]; fulfilment?: string | string[]; qty?: string | string[] };
const int = (v: string | string[] | undefined) => {
  const n = Number.parseInt((Array.isArray(v) ? v[0] : v) ?? '', 10);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/**
 * The endless aisle (S7): a variant this store lacks. Step 1: every location's stock, with "Order for
 * pickup here" / "Order for delivery". Step 2: the quantity, the price as charged, who it is for, and
 * payment at the counter.
 */
export default async function EndlessAislePage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/endless-aisle');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const [t, locale, params] = await Promise.all([getTranslations('counter.endlessAisle'), getLocale(), searchParams]);
  const now = new Date();
  const variantId = int(params.variant);
  const variant = variantId ? await getEndlessAisleVariant(db, { variantId, storeId: store.id, locale, now }) : null;
  if (!variant || !variant.active) {
    return (
      <div className="mx-auto max-w-3xl rounded-2xl border-2 border-dashed border-stone-300 px-6 py-10 text-center">
        <h1 className="text-xl font-semibold text-stone-900">{t('title')}</h1>
        <p className="mt-2 text-stone-600">{t('noVariant')}</p>
        <Link href="/counter" className="mt-4 inline-flex min-h-12 items-center font-medium text-brand-700 hover:underline">
          {t('backToSale')}
        </Link>
      </div>
    );
  }
  const fulfilment = params.fulfilment === 'delivery' || params.fulfilment === 'pickup' ? params.fulfilment : null;
  const from = int(params.from);
  const source = from && fulfilment ? variant.elsewhere.find((l) => l.locationId === from && l.available > 0) : undefined;
  const maxQty = source ? Math.min(source.available, MAX_ENDLESS_AISLE_QUANTITY) : 1;
  const qty = Math.min(int(params.qty) ?? 1, maxQty);
  const customer = source ? await getCartCustomer(db, await findCounterCartId(db, actor.userId)) : null;
  const priced = source && fulfilment ? await priceEndlessAisleOrder(db, { variantId: variant.variantId, quantity: qty, fulfilment, storeId: store.id, customerId: customer?.id ?? null, locale, now }) : null;
  const sourceName = source ? (source.kind === 'warehouse' ? t('warehouse') : source.name) : '';

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <Link href="/counter" className="inline-flex min-h-12 items-center gap-1 font-medium text-brand-700 hover:underline">
          <span aria-hidden="true">←</span> {t('backToSale')}
        </Link>
        <h1 className="text-2xl font-semibold text-stone-900">{t('title')}</h1>
        <div className="mt-3 flex items-center gap-4 rounded-2xl bg-white p-4 ring-1 ring-stone-200">
          {/* eslint-disable-next-line @next/next/no-img-element -- small catalogue SVGs, see components/shop/product-image.tsx */}
          <img src={variant.imagePath} alt="" width={64} height={64} className="size-16 rounded-lg bg-stone-100 object-cover" />
          <div className="min-w-0 flex-1">
            <p className="text-lg font-semibold text-stone-900">{variant.productName}</p>
            <p className="text-stone-600">
              {variant.variantLabel && `${variant.variantLabel} · `}
              <span className="font-mono text-sm">{variant.sku}</span>
            </p>
          </div>
          <p className="rounded-full bg-amber-100 px-3 py-1 font-semibold text-amber-900">{t('here', { store: store.city, count: variant.here })}</p>
        </div>
      </div>

      <EndlessAisleStock variantId={variant.variantId} locations={variant.elsewhere} chosen={source && fulfilment ? { from: source.locationId, fulfilment } : undefined} />

      {source && fulfilment && priced && (
        <section aria-labelledby="ea-order-title" className="grid gap-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200 lg:grid-cols-[18rem_1fr]">
          <div className="space-y-4">
            <h2 id="ea-order-title" className="text-lg font-semibold text-stone-900">
              {fulfilment === 'pickup' ? t('pickupTitle', { from: sourceName, store: store.city }) : t('deliveryTitle', { from: sourceName })}
            </h2>
            <p className="text-sm text-stone-600">{fulfilment === 'pickup' ? t('pickupExplain') : t('deliveryExplain')}</p>
            <form action="/counter/endless-aisle" className="flex items-end gap-2">
              <input type="hidden" name="variant" value={variant.variantId} />
              <input type="hidden" name="from" value={source.locationId} />
              <input type="hidden" name="fulfilment" value={fulfilment} />
              <div>
                <label htmlFor="ea-qty" className="mb-1.5 block text-sm font-medium text-stone-700">
                  {t('quantity')}
                </label>
                <select id="ea-qty" name="qty" defaultValue={qty} className={`${inputClass} min-h-12 w-24!`}>
                  {Array.from({ length: maxQty }, (_, i) => (
                    <option key={i + 1} value={i + 1}>
                      {i + 1}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="submit" variant="secondary" size="lg">
                {t('updateQuantity')}
              </Button>
            </form>
            <dl className="space-y-1 text-stone-800">
              <div className="flex justify-between">
                <dt>{t('subtotal')}</dt>
                <dd className="tabular-nums">{formatMoney(priced.subtotalCents, locale)}</dd>
              </div>
              {priced.discountCents > 0 && (
                <div className="flex justify-between text-sm text-orange-800">
                  <dt>{t('discount')}</dt>
                  <dd className="tabular-nums">−{formatMoney(priced.discountCents, locale)}</dd>
                </div>
              )}
              {fulfilment === 'delivery' && (
                <div className="flex justify-between">
                  <dt>{t('shipping')}</dt>
                  <dd className="tabular-nums">{priced.shippingCents ? formatMoney(priced.shippingCents, locale) : t('free')}</dd>
                </div>
              )}
              <div className="flex justify-between border-t border-stone-200 pt-2 text-xl font-semibold">
                <dt>{t('total')}</dt>
                <dd className="tabular-nums">{formatMoney(priced.totalCents, locale)}</dd>
              </div>
            </dl>
          </div>
          <EndlessAisleForm
            key={`${source.locationId}-${fulfilment}-${qty}`}
            idempotencyKey={randomUUID()}
            variantId={variant.variantId}
            quantity={qty}
            sourceLocationId={source.locationId}
            fulfilment={fulfilment}
            totalCents={priced.totalCents}
            customer={customer}
          />
        </section>
      )}
    </div>
  );
}
