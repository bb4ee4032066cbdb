import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CategoriesTable } from '@/components/admin/category-table';
import { CategoryForm } from '@/components/admin/category-form';
import { PageHeader } from '@/components/admin/page-header';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { listAdminCategories } from '@/lib/catalog/admin-queries';
import { getDb } from '@/lib/db';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.catalog.categories'))('title') };
}

export default async function AdminCategoriesPage() {
  await requirePageRole(ADMIN_ROLES, '/admin/categories');
  const [t, categories] = await Promise.all([getTranslations('admin.catalog.categories'), listAdminCategories(getDb())]);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader title={t('title')} description={t('intro')} back={{ href: '/admin/products', label: t('back') }} />
      <CategoriesTable categories={categories} />
      <Card className="space-y-4">
        <h2 className="text-base font-semibold text-stone-900">{t('newSection')}</h2>
        <CategoryForm initial={{ nameNl: '', nameEn: '', slug: '' }} />
      </Card>
    </div>
  );
}
