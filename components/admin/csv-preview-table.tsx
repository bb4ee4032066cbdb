'use client';

import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { ImportPreviewRow } from '@/lib/catalog/csv/actions';

const TONE = { create: 'brand', update: 'accent', unchanged: 'neutral' } as const;

/** The dry run row by row: rows with errors first (each error on its own line), then what the rest would do. */
export function CsvPreviewTable({ rows }: { rows: ImportPreviewRow[] }) {
  const t = useTranslations('admin.csvImport');
  const sorted = [...rows].sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.row - b.row);
  return (
    <DataTable
      caption={t('caption')}
      rows={sorted}
      rowKey={(r) => r.row}
      empty={t('noChanges')}
      rowClassName={(r) => (r.errors.length > 0 ? 'bg-red-50/60' : undefined)}
      columns={[
        { key: 'row', header: t('rowNumber'), numeric: true, cell: (r) => r.row },
        { key: 'sku', header: t('sku'), cell: (r) => <span className="font-mono text-xs">{r.sku || '—'}</span> },
        { key: 'product', header: t('product'), cell: (r) => r.productSlug || '—' },
        {
          key: 'result',
          header: t('result'),
          cell: (r) =>
            r.errors.length > 0 || !r.action ? <Badge tone="danger">{t('actions.error')}</Badge> : <Badge tone={TONE[r.action]}>{t(`actions.${r.action}`)}</Badge>,
        },
        {
          key: 'details',
          header: t('details'),
          cell: (r) =>
            r.errors.length > 0 ? (
              <ul className="space-y-0.5 text-red-800">
                {r.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : (
              <span className="text-stone-600">{r.changes.map((c) => t(`fields.${c}` as 'fields.brand')).join(', ')}</span>
            ),
        },
      ]}
    />
  );
}
