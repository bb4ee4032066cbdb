import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { AuditEntryDto } from '@/lib/audit/queries';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** The fields an entry changed, "field: before → after", one per line (read-only, as the log is). */
function Changes({ entry }: { entry: AuditEntryDto }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (keys.length === 0) return <span className="text-stone-400">—</span>;
  return (
    <dl className="space-y-0.5 font-mono text-xs">
      {keys.map((k) => {
        const before = entry.before && k in entry.before ? show(entry.before[k]) : '—';
        const after = entry.after && k in entry.after ? show(entry.after[k]) : '—';
        // A field recorded for context that did not change (e.g. the role on a deactivation): its value only.
        return (
          <div key={k} className="flex flex-wrap gap-x-1">
            <dt className="text-stone-500">{k}:</dt>
            {before === after ? (
              <dd className="break-all text-stone-500">{after}</dd>
            ) : (
              <dd className="break-all text-stone-800">
                {before} <span aria-hidden="true">→</span>
                <span className="sr-only">to</span> <span className="font-semibold">{after}</span>
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}

function subjectHref(entry: AuditEntryDto): string | null {
  if (entry.entityType === 'user' && /^\d+$/.test(entry.entityId)) return `/admin/staff/${entry.entityId}`;
  if (entry.entityType === 'order') return `/admin/orders/${entry.entityId}`;
  return null;
}

export async function AuditTable({ entries, locale }: { entries: AuditEntryDto[]; locale: Locale }) {
  const t = await getTranslations('admin.audit');
  return (
    <DataTable
      caption={t('caption')}
      rows={entries}
      rowKey={(e) => e.id}
      empty={t('emptyAll')}
      columns={[
        { key: 'when', header: t('when'), className: 'whitespace-nowrap tabular-nums', cell: (e) => formatDateTime(e.createdAt, locale) },
        {
          key: 'who',
          header: t('who'),
          className: 'whitespace-nowrap',
          cell: (e) => (
            <span>
              <span className="font-medium text-stone-900">{e.actorName ?? (e.actorRole === 'system' ? t('system') : t('deletedUser'))}</span>
              <span className="block text-xs text-stone-500">{e.actorRole}</span>
            </span>
          ),
        },
        {
          key: 'what',
          header: t('what'),
          cell: (e) => (
            <span>
              <span className="font-mono text-xs text-stone-600">{e.action}</span>
              {e.summary && <span className="block text-stone-900">{e.summary}</span>}
            </span>
          ),
        },
        {
          key: 'entity',
          header: t('entity'),
          className: 'whitespace-nowrap',
          cell: (e) => {
            const href = subjectHref(e);
            const label = `${e.entityType} ${e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : `#${e.entityId}`}`;
            return href ? (
              <Link href={href} className="font-medium text-brand-700 hover:underline">
                {label}
              </Link>
            ) : (
              label
            );
          },
        },
        { key: 'changes', header: t('changes'), cell: (e) => <Changes entry={e} /> },
      ]}
    />
  );
}
