import { getTranslations } from 'next-intl/server';

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The outcome of the last ship / receive / cancel (from the action's redirect), announced politely. */
export async function TransferNotice({ params }: { params: Params }) {
  const t = await getTranslations('admin.transfers');
  const done = one(params.done);
  const number = one(params.number).slice(0, 20);
  const shortfall = Number.parseInt(one(params.short), 10) || 0;
  if (!/^T-\d+$/.test(number)) return null;
  const text =
    done === 'shipped'
      ? t('shipped', { number })
      : done === 'cancelled'
        ? t('cancelled', { number })
        : done === 'received'
          ? shortfall > 0
            ? t('receivedShort', { number, shortfall })
            : t('received', { number })
          : null;
  if (!text) return null;
  return (
    <p role="status" className="mb-4 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-800 ring-1 ring-brand-200">
      {text}
    </p>
  );
}
