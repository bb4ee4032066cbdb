import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import type { ExperimentAnalysis, VariantFigures } from '@/lib/insight/experiment-queries';
import { MIN_CONVERSIONS_PER_ARM, MIN_EXPOSED_PER_ARM } from '@/lib/insight/experiment-stats';

const VERDICT_TONE = { insufficient: 'neutral', significant: 'brand', not_significant: 'warning' } as const;

/** Per variant: exposed, converted, rate, revenue, and the difference against the baseline with its test. */
export async function ExperimentResults({ analysis, locale }: { analysis: ExperimentAnalysis; locale: Locale }) {
  const t = await getTranslations('experiments.detail');
  const percent = (x: number, digits = 1) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  const points = (x: number) => `${x >= 0 ? '+' : '−'}${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(x * 100))}`;
  const baseline = analysis.variants.find((v) => v.id === analysis.baselineVariantId);
  const label = (v: VariantFigures) => `${v.key} · ${v.promotionId === null ? t('control') : v.name}`;
  const verdictText = { insufficient: t('insufficient'), significant: t('significant'), not_significant: t('notSignificant') };
  return (
    <div className="space-y-3">
      <DataTable<VariantFigures>
        caption={t('caption')}
        captionHidden={false}
        rows={analysis.variants}
        rowKey={(v) => v.id}
        empty="—"
        columns={[
          {
            key: 'variant',
            header: t('variant'),
            cell: (v) => (
              <span className="font-medium">
                {label(v)}
                {v.id === analysis.baselineVariantId && (
                  <Badge tone="neutral" className="ml-2">
                    {t('baseline')}
                  </Badge>
                )}
              </span>
            ),
          },
          { key: 'share', header: t('share'), numeric: true, cell: (v) => `${v.weightPercent}%` },
          { key: 'exposed', header: t('exposed'), numeric: true, cell: (v) => v.exposed },
          { key: 'converted', header: t('converted'), numeric: true, cell: (v) => v.converted },
          { key: 'rate', header: t('rate'), numeric: true, cell: (v) => percent(v.conversionRate) },
          { key: 'revenue', header: t('revenue'), numeric: true, cell: (v) => formatMoney(v.revenueCents, locale) },
          { key: 'rpe', header: t('revenuePerExposed'), numeric: true, cell: (v) => formatMoney(v.revenuePerExposedCents, locale) },
          {
            key: 'difference',
            header: t('difference', { name: baseline ? baseline.key : '—' }),
            numeric: true,
            cell: (v) => (v.comparison ? `${points(v.comparison.difference)} [${points(v.comparison.ciLow)}; ${points(v.comparison.ciHigh)}]` : '—'),
          },
          { key: 'p', header: t('pValue'), numeric: true, cell: (v) => (v.comparison ? new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(v.comparison.pValue) : '—') },
          {
            key: 'verdict',
            header: t('verdict'),
            cell: (v) => (v.comparison ? <Badge tone={VERDICT_TONE[v.comparison.verdict]}>{verdictText[v.comparison.verdict]}</Badge> : '—'),
          },
        ]}
      />
      <p className="max-w-4xl text-sm text-stone-600">
        {t('rule', { name: baseline ? label(baseline) : '—', exposed: MIN_EXPOSED_PER_ARM, conversions: MIN_CONVERSIONS_PER_ARM })}
      </p>
    </div>
  );
}
