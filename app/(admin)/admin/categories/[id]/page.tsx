import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CategoryForm } from '@/components/admin/category-form';
import { PageHeader } from '@/components/admin/page-header';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getAdminCategory } from '@/lib/catalog/admin-queries';
import { getDb } from '@/lib/db';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.catalog.categories'))('title') };
}

export default async function AdminCategoryPage({ params }: Props) {
  const { id: raw } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/categories/${raw}`);
  const category = /^\d{1,9}$/.test(raw) ? await getAdminCategory(getDb(), Number(raw)) : null;
  if (!category) notFound();
  const [t, locale] = await Promise.all([getTranslations('admin.catalog.categories'), getLocale()]);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title={t('editTitle', { name: locale === 'en' ? category.nameEn : category.nameNl })}
        back={{ href: '/admin/categories', label: t('title') }}
      />
      <Card>
        <CategoryForm id={category.id} initial={{ nameNl: category.nameNl, nameEn: category.nameEn, slug: category.slug }} />
      </Card>
    </div>
  );
}
