'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { applyCatalogImport } from './apply';
import type { RowError } from './format';
import { planCatalogImport } from './plan';
import { catalogCsvSchema } from './schemas';

// The catalog CSV import at /admin/products/import: first a dry run that writes nothing, then the
// import itself, which plans again inside its transaction and refuses the whole file on any error.

export interface ImportPreviewRow {
  row: number;
  sku: string;
  productSlug: string;
  action: 'create' | 'update' | 'unchanged' | null;
  changes: string[];
  errors: string[];
}

export interface ImportPreview {
  fileError: string | null;
  rows: ImportPreviewRow[];
  counts: { create: number; update: number; unchanged: number; errors: number };
  newProducts: string[];
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

function describe(t: Translate, error: RowError): string {
  const message = t(`admin.csvImport.errors.${error.code}`, error.values ?? {});
  return error.column ? `${error.column}: ${message}` : message;
}

export const previewCatalogImportAction = action({ schema: catalogCsvSchema, access: access.admin }, async ({ csv }, ctx) => {
  const t = ctx.t as unknown as Translate;
  const plan = await planCatalogImport(getDb(), csv);
  const fileError = plan.fileError
    ? t(`admin.csvImport.fileErrors.${plan.fileError.code}`, {
        columns: 'columns' in plan.fileError ? plan.fileError.columns.join(', ') : '',
        max: 'max' in plan.fileError ? plan.fileError.max : 0,
      })
    : null;
  const data: ImportPreview = {
    fileError,
    counts: plan.counts,
    newProducts: plan.newProducts,
    rows: plan.rows.map((r) => ({ row: r.row, sku: r.sku, productSlug: r.productSlug, action: r.action, changes: r.changes, errors: r.errors.map((e) => describe(t, e)) })),
  };
  return { data };
});

export const applyCatalogImportAction = action({ schema: catalogCsvSchema, access: access.admin }, async ({ csv }, { actor, t }) => {
  const result = await applyCatalogImport(getDb(), csv, actor);
  // Prices and names change in every channel at once.
  revalidatePath('/', 'layout');
  return { message: t('admin.csvImport.applied', { ...result }), data: result };
});
