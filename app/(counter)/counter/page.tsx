import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CartPanel } from '@/components/counter/cart-panel';
import { CustomerAttached } from '@/components/counter/customer-attached';
import { CustomerSuggestions } from '@/components/counter/customer-suggestions';
import { CounterSearch } from '@/components/counter/counter-search';
import { LoadCartLink } from '@/components/counter/load-cart-link';
import { SearchResults } from '@/components/counter/search-results';
import { StoreGate } from '@/components/counter/store-gate';
import { TillBanner } from '@/components/counter/till-banner';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { findCounterCartId } from '@/lib/carts/queries';
import { getCustomerSummaries } from '@/lib/customers/queries';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterCartView, searchCounterProducts } from '@/lib/orders/counter-queries';
import { getSetting } from '@/lib/settings/settings';
import { maxStaffDiscountPercent } from '@/lib/staff-discounts/limits';
import { getCounterStore } from '@/lib/orders/counter-session';
import { getCounterReviewBadges } from '@/lib/reviews/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.sale'))('title') };
}

/** The sale screen: scan or search on the left (top in portrait), the counter cart on the right (below). */
export default async function CounterSalePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;

  const [t, locale, params] = await Promise.all([getTranslations('counter.sale'), getLocale(), searchParams]);
  const query = (typeof params.q === 'string' ? params.q : '').trim().slice(0, 64);
  const now = new Date();
  const cartId = await findCounterCartId(db, actor.userId);
  const [cart, results, staffDiscountLimits] = await Promise.all([
    cartId ? getCounterCartView(db, { cartId, storeId: store.id, locale, now }) : null,
    query.length > 0 ? searchCounterProducts(db, { query, locale, storeId: store.id, now }) : null,
    getSetting(db, 'staffDiscounts'),
  ]);
  // The clerk's own maximum, shown beside the discount form (the action checks it again).
  const staffDiscountMax = actor.role === 'admin' || actor.role === 'clerk' ? maxStaffDiscountPercent(staffDiscountLimits, actor.role) : 0;
  const reviews = results ? await getCounterReviewBadges(db, results.map((r) => r.productId)) : {};
  const attachedId = cart?.cart.customerId ?? null;
  const [attached] = attachedId ? await getCustomerSummaries(db, actor, [attachedId]) : [];

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_26rem] lg:items-start">
      <h1 className="sr-only">{t('title')}</h1>
      <div className="min-w-0 space-y-4">
        <TillBanner actor={actor} />
        <CounterSearch initialQuery={query} />
        <div className="flex flex-wrap gap-2">
          <LoadCartLink />
        </div>
        {results ? (
          <SearchResults query={query} results={results} locale={locale} reviews={reviews} />
        ) : (
          <div className="rounded-2xl border-2 border-dashed border-stone-300 px-6 py-10 text-center">
            <p className="text-lg font-semibold text-stone-800">{t('startTitle')}</p>
            <p className="mt-1 text-stone-600">{t('startBody')}</p>
          </div>
        )}
        {attached && <CustomerSuggestions customer={attached} inCart={(cart?.lines ?? []).map((l) => l.productId)} locale={locale} />}
      </div>
      <CartPanel
        cart={cart}
        locale={locale}
        customer={attached && <CustomerAttached customer={attached} />}
        staffDiscountMaxPercent={staffDiscountMax > 0 ? staffDiscountMax : undefined}
      />
    </div>
  );
}
