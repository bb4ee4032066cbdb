import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { PromotionAdminDto } from '@/lib/promotions/admin-promotions';
import { EndPromotionButton } from './end-promotion-button';

const STATUS_TONE = { scheduled: 'warning', active: 'brand', ended: 'neutral' } as const;

/** The admin's list of promotions: what, how much, for whom, when, and whether it runs now. */
export async function PromotionsTable({
  promotions,
  locale,
}: {
  promotions: PromotionAdminDto[];
  locale: Locale;
}) {
  const t = await getTranslations('admin.promotions');
  const tForm = await getTranslations('admin.promotionForm');
  const when = (d: Date) => formatDateTime(d, locale);
  const money = (cents: number) => formatMoney(cents, locale);
  /** The kind in plain words: "15%", "€2.50 off per item", "Buy 2, get 1 free", "€10.00 off the order", "Free delivery". */
  const discountText = (p: PromotionAdminDto): string => {
    const amount = p.kind === 'percentage' ? `${p.value}%` : money(p.value);
    switch (p.scope) {
      case 'order':
        return t('discount.order', { amount });
      case 'shipping':
        return p.kind === 'percentage' && p.value === 100 ? t('discount.freeDelivery') : t('discount.shipping', { amount });
      case 'buy_x_get_y':
        return p.kind === 'percentage' && p.value === 100
          ? t('discount.bxgyFree', { buy: p.buyQuantity ?? 1, get: p.getQuantity ?? 1 })
          : t('discount.bxgy', { buy: p.buyQuantity ?? 1, get: p.getQuantity ?? 1, amount });
      default:
        return p.kind === 'percentage'
          ? t('discount.percentage', { value: p.value })
          : p.kind === 'fixed_per_line'
            ? t('discount.fixedLine', { amount })
            : t('discount.fixed', { amount });
    }
  };
  const conditions = (p: PromotionAdminDto): string[] => [
    ...(p.minSubtotalCents !== null ? [t('conditions.minSubtotal', { amount: money(p.minSubtotalCents) })] : []),
    ...(p.minItems !== null ? [t('conditions.minItems', { count: p.minItems })] : []),
    ...(p.customerCondition !== 'any' ? [t(`conditions.customer.${p.customerCondition}`)] : []),
    ...(p.customerSegment ? [tForm(`customerSegments.${p.customerSegment}`)] : []),
    ...(p.combination !== 'exclusive' ? [t(`conditions.combination.${p.combination}`)] : []),
  ];
  return (
    <div className="relative overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-stone-200">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">{t('listLabel')}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs font-semibold tracking-wide whitespace-nowrap text-stone-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-3">
              {t('columns.name')}
            </th>
            <th scope="col" className="px-3 py-3">
              {t('columns.appliesTo')}
            </th>
            <th scope="col" className="px-3 py-3">
              {t('columns.discount')}
            </th>
            <th scope="col" className="px-3 py-3">
              {t('columns.code')}
            </th>
            <th scope="col" className="px-3 py-3">
              {t('columns.channels')}
            </th>
            <th scope="col" className="px-3 py-3">
              {t('columns.window')}
            </th>
            <th scope="col" className="px-3 py-3">
              {t('columns.usage')}
            </th>
            <th scope="col" className="px-3 py-3">
              {t('columns.status')}
            </th>
            <th scope="col" className="px-3 py-3 text-right">
              <span className="sr-only">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {promotions.map((p) => (
            <tr key={p.id} className={`align-top ${p.status === 'ended' ? 'text-stone-500' : ''}`}>
              <th scope="row" className="min-w-40 px-3 py-3 font-medium text-stone-900">
                {p.name}
              </th>
              <td className="px-3 py-3">
                {p.target === 'all' ? (
                  t('target.all')
                ) : (
                  <>
                    <span className={p.target === 'variant' ? 'font-mono text-xs whitespace-nowrap' : ''}>
                      {p.targetLabel ?? t('target.missing')}
                    </span>
                    <span className="block text-xs text-stone-500">{t(`target.${p.target}`)}</span>
                  </>
                )}
              </td>
              <td className="px-3 py-3 tabular-nums">
                {discountText(p)}
                {conditions(p).map((c) => (
                  <span key={c} className="block text-xs text-stone-500">
                    {c}
                  </span>
                ))}
              </td>
              <td className="px-3 py-3">
                {p.code ? (
                  <code className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs whitespace-nowrap text-stone-800">
                    {p.code}
                  </code>
                ) : (
                  // Campaign codes make a promotion code-only (lib/promotions/candidates.ts).
                  <span className="text-stone-500">{p.campaignCodesGenerated > 0 ? t('campaignCodes.codeOnly') : t('noCode')}</span>
                )}
                {p.campaignCodesGenerated > 0 && (
                  <span className="block text-xs whitespace-nowrap text-stone-500 tabular-nums">
                    {t('campaignCodes.listed', { generated: p.campaignCodesGenerated, used: p.campaignCodesUsed })}
                  </span>
                )}
              </td>
              <td className="px-3 py-3 whitespace-nowrap">
                {p.channels === null || p.channels.length !== 1 ? (
                  t('channels.all')
                ) : (
                  <Badge tone="warning">{t(`channels.${p.channels[0]}`)}</Badge>
                )}
              </td>
              <td className="px-3 py-3 tabular-nums">
                <span className="whitespace-nowrap">
                  {p.startsAt ? when(p.startsAt) : t('window.immediately')} –
                </span>{' '}
                <span className="block whitespace-nowrap">
                  {p.endsAt ? when(p.endsAt) : t('window.noEnd')}
                </span>
              </td>
              <td className="px-3 py-3 tabular-nums whitespace-nowrap">
                {p.usageLimit === null
                  ? t('usage.used', { count: p.usedCount })
                  : t('usage.usedOf', { count: p.usedCount, limit: p.usageLimit })}
                {p.perCustomerLimit !== null && (
                  <span className="block text-xs text-stone-500">{t('usage.perCustomer', { limit: p.perCustomerLimit })}</span>
                )}
                <span className="block text-xs text-stone-500">
                  {p.budgetCents === null
                    ? t('usage.given', { amount: money(p.discountGivenCents) })
                    : t('usage.budget', { amount: money(p.discountGivenCents), budget: money(p.budgetCents) })}
                </span>
              </td>
              <td className="px-3 py-3">
                <Badge tone={STATUS_TONE[p.status]}>{t(`status.${p.status}`)}</Badge>
              </td>
              <td className="px-3 py-3">
                <div className="flex flex-col items-stretch gap-2">
                  <Link
                    href={`/admin/promotions/${p.id}/edit`}
                    className={buttonClass('secondary', 'md', 'whitespace-nowrap')}
                  >
                    {t('edit')}
                    <span className="sr-only"> {p.name}</span>
                  </Link>
                  {p.status !== 'ended' && <EndPromotionButton id={p.id} name={p.name} />}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
