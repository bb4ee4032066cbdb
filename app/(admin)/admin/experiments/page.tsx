import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { ButtonLink } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { listExperiments, type ExperimentListItem } from '@/lib/insight/experiment-queries';

const STATUS_TONE = { draft: 'warning', running: 'brand', stopped: 'neutral' } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('experiments.list'))('title') };
}

export default async function ExperimentsPage() {
  await requirePageRole(ADMIN_ROLES, '/admin/experiments');
  const [t, tStatus, locale] = await Promise.all([getTranslations('experiments.list'), getTranslations('experiments.status'), getLocale()]);
  const rows = await listExperiments(getDb());
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('title')}
        description={t('intro')}
        actions={
          <ButtonLink href="/admin/experiments/new">
            <span aria-hidden="true">+</span> {t('new')}
          </ButtonLink>
        }
      />
      <DataTable<ExperimentListItem>
        caption={t('caption')}
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('empty')}
        columns={[
          {
            key: 'name',
            header: t('name'),
            cell: (r) => (
              <Link href={`/admin/experiments/${r.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                {r.name}
              </Link>
            ),
          },
          { key: 'status', header: t('status'), cell: (r) => <Badge tone={STATUS_TONE[r.status]}>{tStatus(r.status)}</Badge> },
          { key: 'variants', header: t('variants'), numeric: true, cell: (r) => r.variantCount },
          { key: 'exposed', header: t('exposed'), numeric: true, cell: (r) => r.exposed },
          { key: 'converted', header: t('converted'), numeric: true, cell: (r) => r.converted },
          { key: 'started', header: t('started'), cell: (r) => (r.startedAt ? formatDateTime(r.startedAt, locale as Locale) : t('notStarted')) },
        ]}
      />
    </div>
  );
}
