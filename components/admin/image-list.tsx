import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { AdminImageDto } from '@/lib/catalog/admin-queries';
import { deleteProductImageAction } from '@/lib/catalog/image-actions';
import type { Locale } from '@/lib/i18n/config';
import { ProductInlineAction } from './product-inline-action';

/** A product's photos with their alt text and colour, each removable. */
export async function ImageList({ images, locale, colorLabel }: { images: AdminImageDto[]; locale: Locale; colorLabel: (c: string) => string }) {
  const t = await getTranslations('admin.catalog.images');
  const alt = (i: AdminImageDto) => (locale === 'en' ? i.altEn : i.altNl);
  return (
    <DataTable
      caption={t('caption')}
      rows={images}
      rowKey={(i) => i.id}
      empty={t('empty')}
      columns={[
        {
          key: 'image',
          header: t('columns.image'),
          // eslint-disable-next-line @next/next/no-img-element -- served by /api/images, small thumbnails
          cell: (i) => <img src={i.url} alt={alt(i)} width={64} height={64} className="size-16 rounded-lg bg-stone-100 object-cover" />,
        },
        {
          key: 'alt',
          header: t('columns.alt'),
          cell: (i) => (
            <div className="space-y-0.5">
              <p lang="nl">{i.altNl}</p>
              <p lang="en" className="text-stone-500">
                {i.altEn}
              </p>
            </div>
          ),
        },
        { key: 'color', header: t('columns.color'), cell: (i) => (i.color ? colorLabel(i.color) : t('allColors')) },
        {
          key: 'actions',
          header: t('columns.actions'),
          headerHidden: true,
          className: 'text-right',
          cell: (i) => (
            <ProductInlineAction
              action={deleteProductImageAction}
              fields={{ id: String(i.id) }}
              label={t('delete')}
              ariaLabel={t('deleteLabel', { alt: alt(i) })}
              tone="danger"
            />
          ),
        },
      ]}
    />
  );
}
