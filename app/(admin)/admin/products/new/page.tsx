import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { ProductForm } from '@/components/admin/product-form';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { listAdminCategories } from '@/lib/catalog/admin-queries';
import { getDb } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.catalog.product'))('newTitle') };
}

export default async function NewProductPage() {
  await requirePageRole(ADMIN_ROLES, '/admin/products/new');
  const [t, locale, categories] = await Promise.all([getTranslations('admin.catalog.product'), getLocale(), listAdminCategories(getDb())]);
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader title={t('newTitle')} description={t('newIntro')} back={{ href: '/admin/products', label: t('back') }} />
      <ProductForm
        initial={{ nameNl: '', nameEn: '', descriptionNl: '', descriptionEn: '', brand: '', slug: '', categoryId: '', taxClass: 'standard', active: true }}
        categories={categories.map((c) => ({ id: c.id, name: locale === 'en' ? c.nameEn : c.nameNl }))}
      />
    </div>
  );
}
