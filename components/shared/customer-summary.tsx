import { useTranslations } from 'next-intl';
import type { CustomerProfileDto } from '@/lib/customers/queries';
import type { CustomerTimeline } from '@/lib/customers/timeline';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatDateTime } from '@/lib/i18n/format';

const SEGMENT_TONE = {
  new: 'bg-stone-100 text-stone-700',
  web_only: 'bg-sky-100 text-sky-900',
  store_only: 'bg-orange-100 text-orange-900',
  omnichannel: 'bg-brand-100 text-brand-800',
} as const;

/** Who the customer is: contact, card, preferred store, segment. Shared by the counter panel and the admin page. */
export function CustomerSummary({
  profile,
  segment,
  locale,
}: {
  profile: CustomerProfileDto;
  segment: CustomerTimeline['segment'];
  locale: Locale;
}) {
  const t = useTranslations('customers.profile');
  const tSegment = useTranslations('customers.segment');
  const rows: [string, string | null][] = [
    [t('email'), profile.email],
    [t('phone'), profile.phone],
    [t('card'), profile.loyaltyCardNumber],
    [t('preferredStore'), profile.preferredStore],
  ];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded-full px-3 py-1 text-sm font-semibold ${SEGMENT_TONE[segment]}`}>
          <span className="sr-only">{t('segment')}: </span>
          {tSegment(segment)}
        </span>
        {profile.hasAccount && (
          <span className="rounded-full bg-stone-100 px-3 py-1 text-sm text-stone-700">
            {t('hasAccount')}
          </span>
        )}
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-500">{label}</dt>
            <dd className="break-words font-medium text-stone-900">{value ?? t('none')}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-stone-500">
        {t('customerSince', { date: formatDate(profile.createdAt, locale) })}
      </p>
      {profile.erasedAt && (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('erased')}
        </p>
      )}
      {profile.account?.disabled && !profile.erasedAt && (
        <p className="text-sm text-amber-900">{t('accountDisabled')}</p>
      )}
    </div>
  );
}

/**
 * The points balance and its latest entries. Read-only: lib/loyalty keeps the ledger (its own balance
 * component can take this one's place).
 */
export function CustomerPoints({
  loyalty,
  locale,
}: {
  loyalty: CustomerTimeline['loyalty'];
  locale: Locale;
}) {
  const t = useTranslations('customers.points');
  return (
    <section aria-labelledby="customer-points" className="space-y-2">
      <h3 id="customer-points" className="text-sm font-semibold text-stone-600">
        {t('title')}
      </h3>
      <p className="text-2xl font-semibold tabular-nums text-stone-900">
        {t('balance', { points: loyalty.balance })}
      </p>
      {loyalty.recent.length === 0 ? (
        <p className="text-sm text-stone-600">{t('none')}</p>
      ) : (
        <ul aria-label={t('recent')} className="space-y-1 text-sm">
          {loyalty.recent.map((entry, i) => (
            <li key={`${entry.at.getTime()}-${i}`} className="flex justify-between gap-3">
              <span className="text-stone-700">
                {t(`kind.${entry.entryKind}`)}
                {entry.orderNumber && (
                  <span className="text-stone-500"> · {t('forOrder', { number: entry.orderNumber })}</span>
                )}
                <span className="text-stone-500">
                  {' '}
                  · {formatDateTime(entry.at, locale, { timeStyle: undefined })}
                </span>
              </span>
              <span
                className={`font-semibold tabular-nums ${entry.points > 0 ? 'text-brand-800' : 'text-stone-800'}`}
              >
                {entry.points > 0 ? '+' : ''}
                {entry.points}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
