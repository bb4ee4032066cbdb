import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CsvImport } from '@/components/admin/csv-import';
import { PageHeader } from '@/components/admin/page-header';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { MAX_CSV_ROWS, REQUIRED_COLUMNS } from '@/lib/catalog/csv/format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.csvImport'))('title') };
}

/** Catalog CSV import with a dry run first; the export of the same format is one link away. */
export default async function ProductsImportPage() {
  await requirePageRole(ADMIN_ROLES, '/admin/products/import');
  const t = await getTranslations('admin.csvImport');
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title={t('title')}
        description={t('intro')}
        back={{ href: '/admin/products', label: t('back') }}
        actions={
          // A download, not a page: a plain link so the browser saves the file.
          <a href="/api/admin/products/export" download className="inline-flex h-11 items-center rounded-lg bg-white px-4 text-sm font-medium text-stone-800 ring-1 ring-stone-300 hover:bg-stone-100">
            {t('export')}
          </a>
        }
      />
      <Card className="text-sm text-stone-700">
        <h2 className="mb-1 text-base font-semibold text-stone-900">{t('columnsTitle')}</h2>
        <p>{t('columnsHelp', { required: REQUIRED_COLUMNS.join(', ') })}</p>
      </Card>
      <CsvImport maxRows={MAX_CSV_ROWS} />
    </div>
  );
}
