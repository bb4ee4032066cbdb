import type { IsoWeekday } from '@/lib/locations/opening-hours';
import { ISO_WEEKDAYS } from '@/lib/locations/opening-hours';
import type { ActionState } from '@/lib/actions/action-state';
import { formatDayHours } from '@/lib/settings/schemas';
import type { StoreSettingsDto } from '@/lib/settings/queries';
import { SettingsForm, type SettingsFieldSpec } from './settings-form';

/** One form per store: opening hours per weekday (several ranges, empty = closed) and pickup on/off. */
export function StoreSettingsForms({
  title,
  hint,
  empty,
  stores,
  weekdays,
  labels,
  action,
}: {
  title: string;
  hint: string;
  empty: string;
  stores: StoreSettingsDto[];
  weekdays: Record<IsoWeekday, string>;
  labels: { pickupEnabled: string; save: (store: string) => string };
  action: (prev: ActionState | null, data: FormData) => Promise<ActionState>;
}) {
  return (
    <section aria-labelledby="stores-title" className="space-y-4">
      <div>
        <h2 id="stores-title" className="text-lg font-semibold text-stone-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{hint}</p>
      </div>
      {stores.length === 0 && <p className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-8 text-center text-stone-600">{empty}</p>}
      <div className="grid gap-4 lg:grid-cols-2">
        {stores.map((store) => {
          const fields: SettingsFieldSpec[] = [
            ...ISO_WEEKDAYS.map((day) => ({
              name: `hours${day}`,
              label: weekdays[day],
              defaultValue: formatDayHours(store.openingHours[day] ?? []),
            })),
            { name: 'pickupEnabled', label: labels.pickupEnabled, defaultValue: store.pickupEnabled ? 'on' : '', type: 'checkbox' as const },
          ];
          return (
            <SettingsForm
              key={store.id}
              id={`store-${store.id}`}
              title={`${store.name} · ${store.city}`}
              action={action}
              fields={fields}
              hidden={{ locationId: String(store.id) }}
              submitLabel={labels.save(store.name)}
            />
          );
        })}
      </div>
    </section>
  );
}
