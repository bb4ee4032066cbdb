import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CustomerLookupForm } from '@/components/counter/customer-lookup-form';
import { CustomerNewForm } from '@/components/counter/customer-new-form';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { classifyLookup } from '@/lib/customers/lookup';
import { isCartCodeShaped } from '@/lib/cart-handoff/code';
import { searchCustomers, type CustomerSummaryDto } from '@/lib/customers/queries';
import { lookupQuerySchema } from '@/lib/customers/schemas';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('customers.counter'))('title') };
}

/**
 * Customer lookup at the counter: one field for email, phone, card number (typed or scanned) or name.
 * An exact email, phone or card with one match opens the panel at once (a scan needs no second tap).
 */
export default async function CounterCustomersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/customers');
  const [t, tErrors, params] = await Promise.all([
    getTranslations('customers'),
    getTranslations('errors'),
    searchParams,
  ]);
  const parsed = lookupQuerySchema.safeParse(typeof params.q === 'string' ? params.q : '');
  const query = parsed.success ? parsed.data : '';

  let results: CustomerSummaryDto[] | null = null;
  let error: string | undefined;
  if (query) {
    try {
      results = await searchCustomers(getDb(), actor, query);
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'invalidPhoneNumber') throw e;
      error = tErrors('invalidPhoneNumber', e.values);
    }
    // An exact email, phone, card or cart code opens the panel at once (a scan needs no second tap).
    if (results?.length === 1 && (classifyLookup(query).kind !== 'name' || isCartCodeShaped(query)))
      redirect(`/counter/customers/${results[0].id}`);
  }

  return (
    <div className="mx-auto grid max-w-6xl gap-4 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
      <div className="min-w-0 space-y-4">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">{t('counter.title')}</h1>
          <p className="mt-1 text-stone-600">{t('counter.intro')}</p>
        </div>
        <CustomerLookupForm action="/counter/customers" initialQuery={query} error={error} />
        {results && (
          <section aria-labelledby="lookup-results" className="space-y-2">
            <h2 id="lookup-results" role="status" className="text-lg font-semibold text-stone-800">
              {t('lookup.results', { count: results.length, query })}
            </h2>
            {results.length === 0 ? (
              <p className="text-stone-600">{t('lookup.noResultsHint')}</p>
            ) : (
              <ul aria-label={t('lookup.resultsLabel')} className="grid gap-2 sm:grid-cols-2">
                {results.map((c) => (
                  <li key={c.id}>
                    <Link
                      href={`/counter/customers/${c.id}`}
                      className="flex min-h-16 flex-col justify-center rounded-xl bg-white px-4 py-3 ring-1 ring-stone-200 hover:ring-brand-500"
                    >
                      <span className="text-lg font-semibold text-stone-900">{c.name}</span>
                      <span className="text-sm text-stone-600">
                        {[c.email, c.phone, c.preferredStore].filter(Boolean).join(' · ') ||
                          t('lookup.noContact')}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
      <CustomerNewForm initial={prefill(query)} />
    </div>
  );
}

/** What the clerk typed, moved to the field of the new-customer form it belongs in. */
function prefill(query: string): { name?: string; email?: string; phone?: string } {
  if (!query) return {};
  const term = classifyLookup(query);
  if (term.kind === 'email') return { email: term.email };
  if (term.kind === 'number') return term.card && !term.phone ? {} : { phone: query };
  return { name: query };
}
