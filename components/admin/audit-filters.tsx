import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { AuditFacets } from '@/lib/audit/queries';
import type { AuditFilter } from '@/lib/audit/schemas';

function Select({ id, name, label, value, options, all }: { id: string; name: string; label: string; value: string; options: { value: string; label: string }[]; all: string }) {
  return (
    <div className="w-48">
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={inputClass}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Actor, action, type and a day range as a plain GET form: the URL is the state, so a view can be shared. */
export async function AuditFilters({ filter, facets }: { filter: AuditFilter; facets: AuditFacets }) {
  const t = await getTranslations('admin.audit');
  const filtered = [filter.actor, filter.action, filter.entityType, filter.from, filter.to].some((v) => v !== undefined);
  return (
    <form role="search" aria-label={t('filters')} action="/admin/audit" className="mb-4 flex flex-wrap items-end gap-3">
      <Select id="audit-actor" name="actor" label={t('actor')} value={filter.actor ? String(filter.actor) : ''} all={t('all')} options={facets.actors.map((a) => ({ value: String(a.id), label: a.name }))} />
      <Select id="audit-action" name="action" label={t('action')} value={filter.action ?? ''} all={t('all')} options={facets.actions.map((a) => ({ value: a, label: a }))} />
      <Select id="audit-type" name="entityType" label={t('entityType')} value={filter.entityType ?? ''} all={t('all')} options={facets.entityTypes.map((e) => ({ value: e, label: e }))} />
      <div className="w-44">
        <label htmlFor="audit-from" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('from')}
        </label>
        <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ''} className={inputClass} />
      </div>
      <div className="w-44">
        <label htmlFor="audit-to" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('to')}
        </label>
        <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ''} className={inputClass} />
      </div>
      <Button type="submit">{t('apply')}</Button>
      {filtered && (
        <Link href="/admin/audit" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline">
          {t('clear')}
        </Link>
      )}
    </form>
  );
}
