import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ImageList } from '@/components/admin/image-list';
import { ImageUploadForm } from '@/components/admin/image-upload-form';
import { PageHeader } from '@/components/admin/page-header';
import { ProductForm } from '@/components/admin/product-form';
import { StatusBanner } from '@/components/admin/status-banner';
import { VariantsTable } from '@/components/admin/variant-table';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getAdminProduct, listAdminCategories } from '@/lib/catalog/admin-queries';
import { getDb } from '@/lib/db';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string | string[] }> };

const productId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = productId((await params).id);
  const product = id ? await getAdminProduct(getDb(), id, new Date()) : null;
  return { title: product ? ((await getLocale()) === 'en' ? product.nameEn : product.nameNl) : undefined };
}

export default async function AdminProductPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/products/${raw}`);
  const id = productId(raw);
  if (!id) notFound();
  const db = getDb();
  const [t, tColors, locale, product, categories, { saved }] = await Promise.all([
    getTranslations('admin.catalog'),
    getTranslations('shop.colors'),
    getLocale(),
    getAdminProduct(db, id, new Date()),
    listAdminCategories(db),
    searchParams,
  ]);
  if (!product) notFound();
  const name = locale === 'en' ? product.nameEn : product.nameNl;
  const colorLabel = (c: string) => (tColors.has(c as never) ? tColors(c as never) : c);
  const colors = [...new Set(product.variants.flatMap((v) => (v.color ? [v.color] : [])))];
  const notice = saved === 'product' ? t('product.created') : saved === 'variant' ? t('product.variantAdded') : null;

  return (
    <div className="mx-auto max-w-6xl space-y-8">
      <PageHeader
        title={name}
        description={product.brand}
        back={{ href: '/admin/products', label: t('product.back') }}
        actions={
          product.active ? (
            <ButtonLink href={`/products/${product.slug}`} variant="secondary">
              {t('product.viewInShop')}
            </ButtonLink>
          ) : null
        }
      />
      <StatusBanner message={notice} />

      <ProductForm
        id={product.id}
        initial={{
          nameNl: product.nameNl,
          nameEn: product.nameEn,
          descriptionNl: product.descriptionNl,
          descriptionEn: product.descriptionEn,
          brand: product.brand,
          slug: product.slug,
          categoryId: String(product.categoryId),
          taxClass: product.taxClass,
          active: product.active,
        }}
        categories={categories.map((c) => ({ id: c.id, name: locale === 'en' ? c.nameEn : c.nameNl }))}
      />

      <section aria-labelledby="variants-title" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="variants-title" className="text-lg font-semibold text-stone-900">
            {t('variant.section')}
          </h2>
          <ButtonLink href={`/admin/products/${product.id}/variants/new`}>{t('variant.add')}</ButtonLink>
        </div>
        <VariantsTable productId={product.id} variants={product.variants} locale={locale} colorLabel={colorLabel} />
      </section>

      <section aria-labelledby="images-title" className="space-y-4">
        <h2 id="images-title" className="text-lg font-semibold text-stone-900">
          {t('images.section')}
        </h2>
        <p className="max-w-3xl text-sm text-stone-600">{t('images.intro')}</p>
        <ImageList images={product.images} locale={locale} colorLabel={colorLabel} />
        <Card>
          <ImageUploadForm productId={product.id} colors={colors.map((c) => ({ value: c, label: colorLabel(c) }))} />
        </Card>
      </section>
    </div>
  );
}
