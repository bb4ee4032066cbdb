'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { Spinner } from '@/components/ui/spinner';
import type { ActionState } from '@/lib/actions/action-state';
import { applyCatalogImportAction, previewCatalogImportAction, type ImportPreview } from '@/lib/catalog/csv/actions';
import { CsvPreviewTable } from './csv-preview-table';

/** An action's refusal as one message (the csv field is hidden, so its error is the form's). */
function refusal(state: ActionState<unknown>): ActionState | null {
  if (state.ok) return null;
  return { ok: false, formError: state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0] };
}

/**
 * Choose a file → "Check file" (the dry run: every row's errors or what it would do, nothing written)
 * → "Import N changes", only offered for a clean check of the same file. The browser reads the file;
 * both actions get its text, and the import checks it again in its own transaction.
 */
export function CsvImport({ maxRows }: { maxRows: number }) {
  const t = useTranslations('admin.csvImport');
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [message, setMessage] = useState<ActionState | null>(null);
  const [checking, startCheck] = useTransition();
  const [applying, startApply] = useTransition();

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ ok: false, formError: t('chooseFile') });
      return;
    }
    startCheck(async () => {
      setPreview(null);
      setMessage(null);
      let text: string;
      try {
        text = await file.text();
      } catch {
        setMessage({ ok: false, formError: t('readFailed') });
        return;
      }
      const state = await previewCatalogImportAction({ csv: text });
      if (!state.ok || !state.data) return setMessage(refusal(state));
      setCsv(text);
      setPreview(state.data as ImportPreview);
    });
  }

  function apply() {
    if (!csv) return;
    startApply(async () => {
      const state = await applyCatalogImportAction({ csv });
      if (!state.ok) return setMessage(refusal(state));
      setMessage({ ok: true, message: state.message });
      setPreview(null);
      setCsv(null);
    });
  }

  const changes = preview ? preview.counts.create + preview.counts.update : 0;
  const clean = !!preview && !preview.fileError && preview.counts.errors === 0;

  return (
    <div className="space-y-6">
      <Card>
        <form onSubmit={check} className="flex flex-wrap items-end gap-4" onChange={() => setPreview(null)}>
          <div className="min-w-64 flex-1">
            <label htmlFor="csv-file" className="mb-1.5 block text-sm font-medium text-stone-700">
              {t('fileLabel')}
            </label>
            <input
              id="csv-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="csv-file-hint"
              className="block w-full text-sm text-stone-700 file:mr-3 file:h-11 file:rounded-lg file:border-0 file:bg-stone-100 file:px-4 file:font-medium file:text-stone-800 hover:file:bg-stone-200"
            />
            <p id="csv-file-hint" className="mt-1 text-sm text-stone-500">
              {t('fileHint', { rows: maxRows })}
            </p>
          </div>
          <Button type="submit" variant="secondary" disabled={checking || applying}>
            {checking && <Spinner />}
            {checking ? t('checking') : t('check')}
          </Button>
        </form>
      </Card>

      <FormMessage state={message} />

      {preview && (
        <section aria-labelledby="csv-result" className="space-y-4">
          <div role="status" className="space-y-2">
            {preview.fileError ? (
              <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">{preview.fileError}</p>
            ) : (
              <>
                <p id="csv-result" className="flex flex-wrap gap-2 text-sm font-medium text-stone-800">
                  {t('summary', preview.counts)}
                </p>
                {preview.newProducts.length > 0 && <p className="text-sm text-stone-600">{t('newProducts', { slugs: preview.newProducts.join(', ') })}</p>}
                {preview.counts.errors > 0 ? (
                  <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">{t('hasErrors', { count: preview.counts.errors })}</p>
                ) : changes === 0 ? (
                  <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-700">{t('noChanges')}</p>
                ) : (
                  <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900 ring-1 ring-brand-200">{t('ready')}</p>
                )}
              </>
            )}
          </div>
          {clean && changes > 0 && (
            <Button onClick={apply} disabled={applying}>
              {applying && <Spinner />}
              {applying ? t('applying') : t('applyButton', { count: changes })}
            </Button>
          )}
          {!preview.fileError && <CsvPreviewTable rows={preview.rows} />}
        </section>
      )}
    </div>
  );
}
