'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { SavingsList } from '@/components/shop/savings-list';
import { Card } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import { previewPromotionAction, type PromotionPreviewData } from '@/lib/promotions/actions';
import type { SampleCart } from '@/lib/promotions/admin-preview';
import { codeRefusalMessage, LINE_SCOPES } from '@/lib/promotions/explain';
import type { PromotionFormValues } from '@/lib/promotions/form-values';

export interface SampleLine {
  sku: string;
  quantity: number;
}

type Result = { kind: 'ok'; data: PromotionPreviewData } | { kind: 'fix' } | { kind: 'error'; message: string };

const select = `${inputClass} h-10 py-1 text-sm`;

/**
 * The live preview: one unit of the first targeted product ("Example: €89.95 → €71.96") and a sample
 * cart the admin edits (items, customer, channel, delivery). Both are priced on the server by priceCart
 * through previewPromotionAction — never by arithmetic here. The sample's fields have no `name`, so
 * saving the promotion never sends them.
 */
export function PromotionPreviewPanel({
  values,
  initialSample,
  editingId,
  skus,
}: {
  values: PromotionFormValues;
  initialSample: SampleLine[];
  editingId?: number;
  skus: { sku: string; label: string }[];
}) {
  const t = useTranslations('admin.promotionForm.preview');
  const tErrors = useTranslations('errors') as unknown as (key: string, values?: Record<string, string | number>) => string;
  const locale = useLocale() as Locale;
  const [lines, setLines] = useState<SampleLine[]>(initialSample);
  const [customer, setCustomer] = useState<SampleCart['customer']>('guest');
  const [channel, setChannel] = useState<SampleCart['channel']>('web');
  const [fulfilment, setFulfilment] = useState<SampleCart['fulfilment']>('delivery');
  const [withRunning, setWithRunning] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [loading, setLoading] = useState(false);
  const money = (cents: number) => formatMoney(cents, locale);

  const sample: SampleCart = {
    lines: lines.filter((l) => l.sku.trim() !== '' && l.quantity >= 1),
    customer,
    channel,
    fulfilment: channel === 'store' ? 'in_store' : fulfilment === 'in_store' ? 'delivery' : fulfilment,
    withRunning,
  };
  const key = JSON.stringify([values, sample]);
  const latest = useRef(key);

  useEffect(() => {
    latest.current = key;
    const [formValues, cart] = JSON.parse(key) as [PromotionFormValues, SampleCart];
    // Debounced: one request once typing pauses; a late answer for old input is dropped.
    const timer = setTimeout(async () => {
      if (formValues.value.trim() === '') {
        setResult({ kind: 'fix' });
        return;
      }
      setLoading(true);
      const state = await previewPromotionAction({ ...formValues, sample: cart, editingId });
      if (latest.current !== key) return;
      setLoading(false);
      if (state.ok && state.data) setResult({ kind: 'ok', data: state.data });
      else if (!state.ok && state.formError && !state.fieldErrors) setResult({ kind: 'error', message: state.formError });
      else setResult({ kind: 'fix' });
    }, 350);
    return () => clearTimeout(timer);
  }, [key, editingId]);

  const setLine = (i: number, patch: Partial<SampleLine>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const data = result?.kind === 'ok' ? result.data : null;
  const sampleResult = data?.sample;
  const refusal = sampleResult?.refusal ? codeRefusalMessage(sampleResult.refusal) : null;

  return (
    <Card className="space-y-4 lg:sticky lg:top-6">
      <h2 className="flex items-center gap-2 text-base font-semibold text-stone-900">
        {t('title')}
        {loading && <Spinner className="size-4 text-stone-400" />}
      </h2>

      <div aria-live="polite" className="min-h-10">
        {result === null ? (
          <p className="text-sm text-stone-500">{t('pending')}</p>
        ) : result.kind === 'fix' ? (
          <p className="text-sm text-stone-600">{t('none')}</p>
        ) : result.kind === 'error' ? (
          <p className="text-sm text-red-700">{result.message}</p>
        ) : data?.example ? (
          <>
            <p className="text-lg font-semibold text-stone-900 tabular-nums">
              {t('example', { regular: money(data.example.regularCents), final: money(data.example.finalCents) })}
            </p>
            <p className="mt-1 text-sm text-stone-600">
              {t('product', { name: data.example.productName, sku: data.example.sku })}
              {data.example.variantLabel && <span className="text-stone-500"> ({data.example.variantLabel})</span>}
            </p>
          </>
        ) : values.scope === 'item' ? (
          <p className="text-sm text-stone-600">{t('nothing')}</p>
        ) : null}
      </div>

      <section aria-labelledby="sample-title" className="space-y-3 border-t border-stone-100 pt-3">
        <h3 id="sample-title" className="text-sm font-semibold text-stone-900">
          {t('sampleTitle')}
        </h3>
        <datalist id="preview-skus">
          {skus.map((v) => (
            <option key={v.sku} value={v.sku}>
              {v.label}
            </option>
          ))}
        </datalist>
        <ul className="space-y-2">
          {lines.map((line, i) => (
            <li key={i} className="flex items-center gap-2">
              <input
                aria-label={t('sampleSku', { n: i + 1 })}
                list="preview-skus"
                value={line.sku}
                onChange={(e) => setLine(i, { sku: e.target.value.toUpperCase() })}
                spellCheck={false}
                autoComplete="off"
                className={`${select} min-w-0 flex-1 font-mono`}
              />
              <input
                aria-label={t('sampleQuantity', { n: i + 1 })}
                type="number"
                min={1}
                max={99}
                value={line.quantity}
                onChange={(e) => setLine(i, { quantity: Math.max(1, Math.min(99, Number(e.target.value) || 1)) })}
                className={`${select} w-16! shrink-0 tabular-nums`}
              />
              <button
                type="button"
                onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                aria-label={t('sampleRemove', { n: i + 1 })}
                className="inline-flex size-10 items-center justify-center rounded-lg text-stone-500 ring-1 ring-stone-300 hover:bg-stone-50"
              >
                <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4">
                  <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
        {lines.length < 20 && (
          <button type="button" onClick={() => setLines((ls) => [...ls, { sku: '', quantity: 1 }])} className="text-sm font-medium text-brand-700 hover:underline">
            + {t('sampleAdd')}
          </button>
        )}
        <div className="grid grid-cols-2 gap-2">
          <div className="text-xs font-medium text-stone-700">
            <label htmlFor="preview-sampleCustomer" className="block">{t('sampleCustomer')}</label>
            <select id="preview-sampleCustomer" value={customer} onChange={(e) => setCustomer(e.target.value as SampleCart['customer'])} className={`${select} mt-1`}>
              {(['guest', 'signed_in', 'first_order', 'loyalty_member'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`customers.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="text-xs font-medium text-stone-700">
            <label htmlFor="preview-sampleChannel" className="block">{t('sampleChannel')}</label>
            <select id="preview-sampleChannel" value={channel} onChange={(e) => setChannel(e.target.value as SampleCart['channel'])} className={`${select} mt-1`}>
              <option value="web">{t('channelWeb')}</option>
              <option value="store">{t('channelStore')}</option>
            </select>
          </div>
          {channel === 'web' && (
            <div className="text-xs font-medium text-stone-700">
              <label htmlFor="preview-sampleFulfilment" className="block">{t('sampleFulfilment')}</label>
              <select id="preview-sampleFulfilment" value={sample.fulfilment} onChange={(e) => setFulfilment(e.target.value as SampleCart['fulfilment'])} className={`${select} mt-1`}>
                <option value="delivery">{t('delivery')}</option>
                <option value="pickup">{t('pickup')}</option>
              </select>
            </div>
          )}
          <label className="col-span-2 flex min-h-10 items-center gap-2 text-xs font-medium text-stone-700">
            <input type="checkbox" checked={withRunning} onChange={(e) => setWithRunning(e.target.checked)} className="size-4 accent-brand-600" />
            {t('withRunning')}
          </label>
        </div>

        {sampleResult && (
          <div aria-live="polite" className="space-y-2 rounded-xl bg-stone-50 p-3 text-sm">
            <ul aria-label={t('sampleLines')} className="space-y-1.5">
              {sampleResult.lines.map((l) => (
                <li key={l.sku}>
                  <div className="flex justify-between gap-2">
                    <span className="min-w-0">
                      {l.quantity} × {l.productName}
                      {l.variantLabel && <span className="text-stone-500"> · {l.variantLabel}</span>}
                    </span>
                    <span className="shrink-0 tabular-nums">{money(l.lineTotalCents)}</span>
                  </div>
                  <SavingsList savings={l.savings.filter((s) => LINE_SCOPES.has(s.scope))} locale={locale} label={l.productName} size="xs" className="pl-3" />
                </li>
              ))}
            </ul>
            {sampleResult.unknownSkus.length > 0 && (
              <p className="text-xs text-amber-800">{t('unknownSkus', { skus: sampleResult.unknownSkus.join(', ') })}</p>
            )}
            <dl className="space-y-1 border-t border-stone-200 pt-2">
              <div className="flex justify-between">
                <dt className="text-stone-600">{t('subtotal')}</dt>
                <dd className="tabular-nums">{money(sampleResult.subtotalCents)}</dd>
              </div>
              {sampleResult.discountCents > 0 && (
                <div className="flex justify-between text-accent-600">
                  <dt>{t('discount')}</dt>
                  <dd className="tabular-nums">−{money(sampleResult.discountCents)}</dd>
                </div>
              )}
              {sample.fulfilment === 'delivery' && (
                <div className="flex justify-between">
                  <dt className="text-stone-600">{t('shipping')}</dt>
                  <dd className="tabular-nums">{money(sampleResult.shippingCents)}</dd>
                </div>
              )}
              <div className="flex justify-between font-semibold">
                <dt>{t('total')}</dt>
                <dd className="tabular-nums" data-testid="preview-total">
                  {money(sampleResult.totalCents)}
                </dd>
              </div>
            </dl>
            <SavingsList savings={sampleResult.savings} locale={locale} label={t('savings')} size="xs" />
            <p className={`font-medium ${sampleResult.thisPromotionCents > 0 ? 'text-brand-800' : 'text-amber-800'}`}>
              {sampleResult.thisPromotionCents > 0
                ? t('thisSaves', { amount: money(sampleResult.thisPromotionCents) })
                : t('notApplied')}
            </p>
            {refusal && <p className="text-xs text-amber-800">{tErrors(refusal.key, refusal.values)}</p>}
          </div>
        )}
      </section>
      <p className="border-t border-stone-100 pt-3 text-xs text-stone-500">{t('note')}</p>
    </Card>
  );
}
