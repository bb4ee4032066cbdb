import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { AdminCategoryRow } from '@/lib/catalog/admin-queries';
import { moveCategoryAction } from '@/lib/catalog/category-actions';
import { ProductInlineAction } from './product-inline-action';

/** Categories in the shop's display order, each movable up/down and renamable. */
export async function CategoriesTable({ categories }: { categories: AdminCategoryRow[] }) {
  const [t, locale] = await Promise.all([getTranslations('admin.catalog.categories'), getLocale()]);
  const name = (c: AdminCategoryRow) => (locale === 'en' ? c.nameEn : c.nameNl);
  const rows = categories.map((c, index) => ({ ...c, position: index + 1 }));
  return (
    <DataTable
      caption={t('caption')}
      rows={rows}
      rowKey={(c) => c.id}
      empty={t('empty')}
      columns={[
        { key: 'position', header: t('columns.position'), numeric: true, cell: (c) => c.position },
        {
          key: 'name',
          header: t('columns.name'),
          cell: (c) => (
            <div>
              <p className="font-medium text-stone-900">{name(c)}</p>
              <p className="text-stone-500">{locale === 'en' ? c.nameNl : c.nameEn}</p>
            </div>
          ),
        },
        { key: 'slug', header: t('columns.slug'), cell: (c) => <span className="font-mono">{c.slug}</span> },
        { key: 'products', header: t('columns.products'), numeric: true, cell: (c) => c.productCount },
        {
          key: 'actions',
          header: t('columns.actions'),
          headerHidden: true,
          className: 'text-right whitespace-nowrap',
          cell: (c) => (
            <div className="flex items-start justify-end gap-2">
              {c.position > 1 && (
                <ProductInlineAction
                  action={moveCategoryAction}
                  fields={{ id: String(c.id), direction: 'up' }}
                  label={t('moveUp')}
                  ariaLabel={t('moveUpLabel', { name: name(c) })}
                />
              )}
              {c.position < rows.length && (
                <ProductInlineAction
                  action={moveCategoryAction}
                  fields={{ id: String(c.id), direction: 'down' }}
                  label={t('moveDown')}
                  ariaLabel={t('moveDownLabel', { name: name(c) })}
                />
              )}
              <Link
                href={`/admin/categories/${c.id}`}
                aria-label={t('renameLabel', { name: name(c) })}
                className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline"
              >
                {t('rename')}
              </Link>
            </div>
          ),
        },
      ]}
    />
  );
}
