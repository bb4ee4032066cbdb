import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { VariantForm } from '@/components/admin/variant-form';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getAdminProduct } from '@/lib/catalog/admin-queries';
import { getDb } from '@/lib/db';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.catalog.variant'))('add') };
}

export default async function NewVariantPage({ params }: Props) {
  const { id: raw } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/products/${raw}/variants/new`);
  const product = /^\d{1,9}$/.test(raw) ? await getAdminProduct(getDb(), Number(raw), new Date()) : null;
  if (!product) notFound();
  const [t, locale] = await Promise.all([getTranslations('admin.catalog.variant'), getLocale()]);
  const name = locale === 'en' ? product.nameEn : product.nameNl;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t('newTitle', { product: name })} back={{ href: `/admin/products/${product.id}`, label: t('back', { product: name }) }} />
      <VariantForm productId={product.id} initial={{ size: '', color: '', sku: '', ean: '', price: '', active: true }} />
    </div>
  );
}
