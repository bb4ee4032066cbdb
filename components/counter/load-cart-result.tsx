import { useTranslations } from 'next-intl';
import { ButtonLink } from '@/components/ui/button';
import type { LoadedHandoff } from '@/lib/cart-handoff/mutations';

const item = (l: { productName: string; variantLabel: string }) => (l.variantLabel ? `${l.productName} (${l.variantLabel})` : l.productName);

/** What loading a cart did: lines, customer, and at once the lines this store has too little of. */
export function LoadCartResult({ loaded, message }: { loaded: LoadedHandoff; message: string }) {
  const t = useTranslations('counter.loadCart');
  return (
    <section aria-labelledby="loaded-title" className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-brand-200">
      <h2 id="loaded-title" className="text-lg font-semibold text-brand-800">
        {message}
      </h2>
      {loaded.shortages.length > 0 && (
        <div className="rounded-xl bg-amber-50 p-4 ring-1 ring-amber-200">
          <h3 className="font-semibold text-amber-900">{t('shortagesTitle')}</h3>
          <ul className="mt-2 space-y-1 text-amber-900">
            {loaded.shortages.map((s) => (
              <li key={s.variantId}>{t('shortage', { item: item(s), wanted: s.wanted, available: s.available })}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-amber-900">{t('shortagesHint')}</p>
        </div>
      )}
      {loaded.dropped.length > 0 && (
        <div className="rounded-xl bg-stone-50 p-4 ring-1 ring-stone-200">
          <h3 className="font-semibold">{t('droppedTitle')}</h3>
          <ul className="mt-2 space-y-1 text-stone-700">
            {loaded.dropped.map((d, i) => (
              <li key={i}>{`${d.quantity} × ${item(d)}`}</li>
            ))}
          </ul>
        </div>
      )}
      {loaded.droppedCodes.length > 0 && <p className="text-stone-700">{t('droppedCodes', { codes: loaded.droppedCodes.join(', ') })}</p>}
      <ButtonLink href="/counter" size="xl" className="w-full">
        {t('toSale')}
      </ButtonLink>
    </section>
  );
}
