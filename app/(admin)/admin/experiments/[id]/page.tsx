import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExperimentResults } from '@/components/admin/experiment-results';
import { StartExperimentForm, StopExperimentForm } from '@/components/admin/experiment-controls';
import { PageHeader } from '@/components/admin/page-header';
import { StatusBanner } from '@/components/admin/status-banner';
import { Badge, Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { getExperimentAnalysis } from '@/lib/insight/experiment-queries';

const STATUS_TONE = { draft: 'warning', running: 'brand', stopped: 'neutral' } as const;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const id = Number((await params).id);
  const analysis = Number.isSafeInteger(id) && id > 0 ? await getExperimentAnalysis(getDb(), id) : null;
  return { title: analysis?.name ?? (await getTranslations('experiments.list'))('title') };
}

export default async function ExperimentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; started?: string; stopped?: string }> }) {
  const { id: raw } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/experiments/${encodeURIComponent(raw)}`);
  const id = Number(raw);
  if (!/^\d{1,9}$/.test(raw) || id < 1) notFound();
  const [t, tAll, tStatus, locale, query] = await Promise.all([
    getTranslations('experiments.detail'),
    getTranslations('experiments'),
    getTranslations('experiments.status'),
    getLocale(),
    searchParams,
  ]);
  const analysis = await getExperimentAnalysis(getDb(), id);
  if (!analysis) notFound();
  const when = (d: Date) => formatDateTime(d, locale as Locale);
  const winner = analysis.variants.find((v) => v.id === analysis.winnerVariantId);
  // After a redirect from create / start / stop: the outcome, while it is still the experiment's state.
  const banner =
    analysis.status === 'draft' && query.created
      ? t('created')
      : analysis.status === 'running' && query.started
        ? tAll('started')
        : analysis.status === 'stopped' && query.stopped
          ? tAll(winner ? 'stoppedWithWinner' : 'stopped')
          : null;
  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <PageHeader
        title={analysis.name}
        back={{ href: '/admin/experiments', label: t('back') }}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONE[analysis.status]}>{tStatus(analysis.status)}</Badge>
            {analysis.startedAt && <span>{t('startedAt', { date: when(analysis.startedAt) })}</span>}
            {analysis.stoppedAt && <span>· {t('stoppedAt', { date: when(analysis.stoppedAt) })}</span>}
            {winner && <span>· {t('winner', { name: `${winner.key} · ${winner.name}` })}</span>}
          </span>
        }
      />
      <StatusBanner message={banner} />
      {analysis.hypothesis && (
        <section aria-labelledby="hypothesis-title">
          <h2 id="hypothesis-title" className="text-sm font-semibold text-stone-700">
            {t('hypothesis')}
          </h2>
          <p className="mt-1 max-w-3xl whitespace-pre-line text-stone-800">{analysis.hypothesis}</p>
        </section>
      )}
      <ExperimentResults analysis={analysis} locale={locale as Locale} />
      {analysis.status !== 'stopped' && (
        <Card className="grid gap-6 p-5 md:grid-cols-2">
          {analysis.status === 'draft' && <StartExperimentForm experimentId={analysis.id} />}
          <StopExperimentForm
            experimentId={analysis.id}
            variants={analysis.variants.map((v) => ({ id: v.id, name: `${v.key} · ${v.name}`, hasPromotion: v.promotionId !== null }))}
          />
        </Card>
      )}
    </div>
  );
}
