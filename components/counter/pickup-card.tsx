import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import type { PickupCard as PickupCardDto, PickupView } from '@/lib/orders/pickup-queries';
import { snapshotVariantText } from './item-label';
import { HandOverForm } from './hand-over-form';
import { PickupStepButton } from './pickup-step-button';
import { UndoHandoverButton } from './undo-handover-button';

const STATUS_TONE: Record<string, string> = {
  paid: 'bg-amber-100 text-amber-900',
  ready_for_pickup: 'bg-brand-100 text-brand-800',
  collected: 'bg-stone-200 text-stone-700',
};

/**
 * One click & collect order: who, what, since when, and the next step. The pickup code is not shown:
 * the customer brings it, and that is what the hand-over checks.
 */
export function PickupCard({
  pickup,
  locale,
  highlight = false,
  view,
  initialCode,
  undoable = false,
}: {
  pickup: PickupCardDto;
  locale: Locale;
  highlight?: boolean;
  /** The list being shown, to come back to after a step. */
  view: PickupView;
  /** The pickup code the clerk found it by, to start the hand-over with. */
  initialCode?: string;
  /** A hand-over of a few minutes ago that may still be undone. */
  undoable?: boolean;
}) {
  const t = useTranslations('counter.pickups');
  const colors = useTranslations('shop.colors');
  const titleId = `${highlight ? 'found' : 'pickup'}-${pickup.id}`;
  const customer = pickup.customerName ?? pickup.email ?? t('guest');
  return (
    <article
      aria-labelledby={titleId}
      className={`flex flex-wrap items-start gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ${highlight ? 'ring-2 ring-brand-600' : 'ring-stone-200'}`}
    >
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h3 id={titleId} className="text-xl font-semibold tabular-nums">
            {pickup.number}
          </h3>
          <span
            className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${STATUS_TONE[pickup.status] ?? 'bg-stone-100 text-stone-700'}`}
          >
            {t(`status.${pickup.status}`)}
          </span>
        </div>
        <p className="text-lg font-medium text-stone-900">
          {customer}
        </p>
        <p className="text-sm text-stone-600">
          {t('placed', { time: formatDateTime(pickup.placedAt, locale) })}
          {pickup.collectedAt && (
            <> · {t('collectedAt', { time: formatDateTime(pickup.collectedAt, locale) })}</>
          )}
        </p>
        <ul aria-label={t('items')} className="space-y-0.5 text-base">
          {pickup.items.map((item, i) => (
            <li key={i}>
              <span className="font-semibold tabular-nums">{item.quantity}×</span> {item.productName}
              {item.variantLabel && (
                <span className="text-stone-600"> · {snapshotVariantText(colors, item.variantLabel)}</span>
              )}
            </li>
          ))}
        </ul>
      </div>
      {pickup.status === 'paid' && (
        <PickupStepButton orderId={pickup.id} to="ready_for_pickup" label={t('markReady')} view={view} />
      )}
      {pickup.status === 'ready_for_pickup' && (
        <HandOverForm
          orderId={pickup.id}
          orderNumber={pickup.number}
          customer={customer}
          view={view}
          initialCode={initialCode}
        />
      )}
      {undoable && <UndoHandoverButton orderId={pickup.id} label={t('undoHandOver')} view={view} />}
    </article>
  );
}
