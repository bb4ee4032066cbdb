import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PickupCard } from '@/components/counter/pickup-card';
import { StoreGate } from '@/components/counter/store-gate';
import { LiveRefresh } from '@/components/shop/live-refresh';
import { UndoHandoverButton } from '@/components/counter/undo-handover-button';
import { Button, ButtonLink } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';
import { pickupsTopic } from '@/lib/orders/live';
import {
  findCounterPickup,
  listCounterPickups,
  PICKUP_VIEWS,
  type PickupCard as PickupCardDto,
  type PickupView,
} from '@/lib/orders/pickup-queries';
import { mayUndoHandover } from '@/lib/orders/shared';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.pickups'))('title') };
}

type Params = {
  view?: string | string[];
  find?: string | string[];
  done?: string | string[];
  order?: string | string[];
  id?: string | string[];
};

/** Click & collect at this store: to prepare, ready for pickup, collected today; find by number or code. */
export default async function CounterPickupsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/pickups');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;

  const [t, locale, params] = await Promise.all([
    getTranslations('counter.pickups'),
    getLocale(),
    searchParams,
  ]);
  const view: PickupView = PICKUP_VIEWS.find((v) => v === params.view) ?? 'prepare';
  const find = (typeof params.find === 'string' ? params.find : '').trim().slice(0, 40);
  const [lists, found] = await Promise.all([
    listCounterPickups(db, store.id, new Date()),
    find ? findCounterPickup(db, store.id, find) : null,
  ]);
  const shown = lists[view];
  const now = new Date();
  const undoable = (card: PickupCardDto) => mayUndoHandover(card, card.collectedAt, now);
  // Set by the pickup actions after a step; only shown when it names an order number.
  const doneOrder =
    typeof params.order === 'string' && /^[WS]-\d{1,12}$/.test(params.order) ? params.order : null;
  const notice =
    doneOrder && params.done === 'ready'
      ? t('markedReady', { number: doneOrder })
      : doneOrder && params.done === 'collected'
        ? t('handedOver', { number: doneOrder })
        : doneOrder && params.done === 'undone'
          ? t('handoverUndone', { number: doneOrder })
          : null;
  // The hand-over just made, while it can still be undone (the server checks again).
  const justHandedOver =
    params.done === 'collected' && typeof params.id === 'string'
      ? lists.collected.find((c) => c.id === params.id && c.number === doneOrder && undoable(c))
      : undefined;
  // Found by the code the customer showed: the hand-over starts with it filled in.
  const foundByCode =
    found?.pickupCode && find.toUpperCase() === found.pickupCode ? found.pickupCode : undefined;

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      {/* A newly paid pickup appears, and orders move between the views, as they change (lib/orders/live.ts). */}
      <LiveRefresh topics={[pickupsTopic(store.id)]} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
      </div>

      {notice && (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-brand-600 px-4 py-3 text-lg font-semibold text-white"
        >
          <p>{notice}</p>
          {justHandedOver && <UndoHandoverButton orderId={justHandedOver.id} label={t('undo')} view={view} />}
        </div>
      )}

      <Form action="/counter/pickups" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
        <label htmlFor="pickup-find" className="mb-1.5 block text-base font-semibold text-stone-800">
          {t('findLabel')}
        </label>
        <div className="flex gap-2">
          <input
            id="pickup-find"
            name="find"
            type="search"
            defaultValue={find}
            key={find}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="search"
            aria-describedby="pickup-find-hint"
            className={`${inputClass} h-16 text-lg uppercase placeholder:normal-case`}
          />
          <Button type="submit" size="xl" variant="secondary">
            {t('find')}
          </Button>
        </div>
        <p id="pickup-find-hint" className="mt-1 text-sm text-stone-500">
          {t('findHint')}
        </p>
      </Form>

      {find && (
        <section aria-labelledby="find-title" className="space-y-2">
          <div className="flex items-center justify-between gap-2">
            <h2 id="find-title" className="text-lg font-semibold">
              {t('findResult', { term: find })}
            </h2>
            <ButtonLink href={`/counter/pickups?view=${view}`} variant="ghost" size="lg">
              {t('clearFind')}
            </ButtonLink>
          </div>
          {found ? (
            <PickupCard
              pickup={found}
              locale={locale}
              highlight
              view={view}
              initialCode={foundByCode}
              undoable={undoable(found)}
            />
          ) : (
            <p
              role="status"
              className="rounded-2xl bg-amber-50 px-4 py-3 text-base font-medium text-amber-900 ring-1 ring-amber-200"
            >
              {t('notFound', { term: find })}
            </p>
          )}
        </section>
      )}

      <nav aria-label={t('viewsLabel')} className="grid grid-cols-3 gap-2 rounded-2xl bg-stone-200 p-1.5">
        {PICKUP_VIEWS.map((v) => (
          <Link
            key={v}
            href={`/counter/pickups?view=${v}`}
            aria-current={v === view ? 'page' : undefined}
            className="flex min-h-14 items-center justify-center gap-2 rounded-xl px-3 text-center text-base font-semibold text-stone-700 active:bg-stone-300 aria-[current=page]:bg-white aria-[current=page]:text-stone-900 aria-[current=page]:shadow-sm"
          >
            {t(`views.${v}`)}
            <span className="rounded-full bg-stone-900/10 px-2 text-sm tabular-nums">{lists[v].length}</span>
          </Link>
        ))}
      </nav>

      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="sr-only">
          {t(`views.${view}`)}
        </h2>
        {shown.length === 0 ? (
          <div className="rounded-2xl border-2 border-dashed border-stone-300 px-6 py-10 text-center">
            <p className="text-lg font-semibold text-stone-800">{t(`empty.${view}`)}</p>
            <p className="mt-1 text-stone-600">{t('emptyHint')}</p>
          </div>
        ) : (
          shown.map((pickup) => (
            <PickupCard
              key={pickup.id}
              pickup={pickup}
              locale={locale}
              view={view}
              undoable={undoable(pickup)}
            />
          ))
        )}
      </section>
    </div>
  );
}
