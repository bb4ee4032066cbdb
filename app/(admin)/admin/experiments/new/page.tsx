import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ExperimentForm } from '@/components/admin/experiment-form';
import { PageHeader } from '@/components/admin/page-header';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listPromotionChoices } from '@/lib/insight/experiment-queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('experiments.form'))('title') };
}

export default async function NewExperimentPage() {
  await requirePageRole(ADMIN_ROLES, '/admin/experiments/new');
  const t = await getTranslations('experiments.form');
  const promotions = await listPromotionChoices(getDb());
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t('title')} description={t('intro')} back={{ href: '/admin/experiments', label: t('back') }} />
      <ExperimentForm promotions={promotions} />
    </div>
  );
}
