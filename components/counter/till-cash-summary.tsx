import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import type { ExpectedCash } from '@/lib/till/cash';

/** Float + cash sales − refunds + cash in − cash out = what the drawer should hold. */
export function TillCashSummary({ expected, locale }: { expected: ExpectedCash; locale: Locale }) {
  const t = useTranslations('counter.till');
  const money = (c: number) => formatMoney(c, locale);
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 text-base">
      <dt>{t('float')}</dt>
      <dd className="text-right tabular-nums">{money(expected.openingFloatCents)}</dd>
      <dt>{t('cashSales')}</dt>
      <dd className="text-right tabular-nums">+ {money(expected.cashSalesCents)}</dd>
      <dt>
        {t('cashRefunds')} <span className="block text-xs text-stone-500">{t('refundsNote')}</span>
      </dt>
      <dd className="text-right tabular-nums">− {money(expected.cashRefundsCents)}</dd>
      <dt>{t('cashIn')}</dt>
      <dd className="text-right tabular-nums">+ {money(expected.cashInCents)}</dd>
      <dt>{t('cashOut')}</dt>
      <dd className="text-right tabular-nums">− {money(expected.cashOutCents)}</dd>
      <dt className="border-t border-stone-200 pt-1.5 font-semibold">{t('expected')}</dt>
      <dd className="border-t border-stone-200 pt-1.5 text-right font-semibold tabular-nums" data-testid="till-expected">
        {money(expected.expectedCents)}
      </dd>
    </dl>
  );
}
