'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { formatMoney } from '@/lib/i18n/format';
import { previewPromotionAction } from '@/lib/promotions/actions';
import type { PromotionFormValues } from '@/lib/promotions/admin-form';
import type { PromotionPreview } from '@/lib/promotions/admin-queries';

export type PreviewResult =
  | { kind: 'example'; preview: PromotionPreview }
  | { kind: 'nothing' }
  | { kind: 'invalidValue' }
  | { kind: 'chooseTarget' };

/**
 * "Example: €89.95 → €71.96" for the first product the promotion targets. The price comes from the
 * server (lib/pricing's priceUnit through previewPromotionAction), never from arithmetic here.
 */
export function PromotionPreviewPanel({
  values,
  initial,
}: {
  values: PromotionFormValues;
  initial?: PreviewResult;
}) {
  const t = useTranslations('admin.promotionForm.preview');
  const locale = useLocale();
  const [result, setResult] = useState<PreviewResult | null>(initial ?? null);
  const [loading, setLoading] = useState(false);
  // What the example currently shows; the page renders the first one, so no request on load.
  const key = JSON.stringify([
    values.kind,
    values.value,
    values.target,
    values.categoryId,
    values.productId,
    values.variantSku,
  ]);
  const shown = useRef(initial ? key : null);

  useEffect(() => {
    if (shown.current === key) return;
    const [kind, value, target, categoryId, productId, variantSku] = JSON.parse(key) as string[];
    let current = true;
    // Debounced: one request once typing pauses, and a late answer for old input is dropped.
    const timer = setTimeout(async () => {
      if (value.trim() === '') {
        shown.current = key;
        setLoading(false);
        setResult({ kind: 'invalidValue' });
        return;
      }
      setLoading(true);
      const state = await previewPromotionAction({ kind, value, target, categoryId, productId, variantSku });
      if (!current) return;
      shown.current = key;
      setLoading(false);
      if (state.ok) setResult(state.data ? { kind: 'example', preview: state.data } : { kind: 'nothing' });
      else setResult(state.fieldErrors?.value ? { kind: 'invalidValue' } : { kind: 'chooseTarget' });
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  return (
    <Card className="lg:sticky lg:top-6">
      <h2 className="flex items-center gap-2 text-base font-semibold text-stone-900">
        {t('title')}
        {loading && <Spinner className="size-4 text-stone-400" />}
      </h2>
      <div aria-live="polite" className="mt-3 min-h-16">
        {result === null ? (
          <p className="text-sm text-stone-500">{t('pending')}</p>
        ) : result.kind === 'example' ? (
          <>
            <p className="text-lg font-semibold text-stone-900 tabular-nums">
              {t('example', {
                regular: formatMoney(result.preview.regularCents, locale),
                final: formatMoney(result.preview.finalCents, locale),
              })}
            </p>
            <p className="mt-1 text-sm text-stone-600">
              {t('product', { name: result.preview.productName, sku: result.preview.sku })}
              {result.preview.variantLabel && (
                <span className="text-stone-500"> ({result.preview.variantLabel})</span>
              )}
            </p>
          </>
        ) : (
          <p className="text-sm text-stone-600">{t(result.kind === 'invalidValue' ? 'none' : result.kind)}</p>
        )}
      </div>
      <p className="mt-4 border-t border-stone-100 pt-3 text-xs text-stone-500">{t('note')}</p>
    </Card>
  );
}
