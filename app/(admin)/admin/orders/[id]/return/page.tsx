import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { randomUUID } from 'node:crypto';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { ReturnRequestForm } from '@/components/shop/returns/return-request-form';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getReturnableOrder } from '@/lib/returns/queries';
import { startAdminReturnAction } from '@/lib/returns/admin-actions';
import { RETURN_REASONS } from '@/lib/returns/web-schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.returns'))('startTitle') };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An admin starts a return for the customer; past the window only with a reason (recorded in the audit log). */
export default async function AdminStartReturnPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/orders/${encodeURIComponent(id)}/return`);
  if (!UUID_RE.test(id)) notFound();
  const [t, tShop, tErrors, locale] = await Promise.all([getTranslations('admin.returns'), getTranslations('shop.returns'), getTranslations('errors'), getLocale()]);
  const returnable = await getReturnableOrder(getDb(), id);
  if (!returnable) notFound();
  const lines = returnable.lines.filter((l) => l.returnableQuantity > 0);
  const onlyWindow = !returnable.returnable && returnable.refusal === 'returnWindowClosed';

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t('startTitle')}
        description={t('startIntro', { number: returnable.order.number })}
        back={{ href: `/admin/orders/${id}`, label: t('backToOrder', { number: returnable.order.number }) }}
      />
      {onlyWindow && returnable.window.endsAt && (
        <p role="status" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
          {t('windowClosedNotice', { date: formatDate(returnable.window.endsAt, locale) })}
        </p>
      )}
      {(returnable.returnable || onlyWindow) && lines.length > 0 ? (
        <ReturnRequestForm
          action={startAdminReturnAction}
          orderId={id}
          idempotencyKey={randomUUID()}
          reasons={RETURN_REASONS.map((r) => ({ value: r, label: tShop(`reasons.${r}`) }))}
          lines={lines.map((l) => ({
            orderLineId: l.orderLineId,
            productName: l.productName,
            detail: [l.variantLabel, l.sku].filter(Boolean).join(' · '),
            returnableQuantity: l.returnableQuantity,
            unitPaid: formatMoney(l.unitPaidCents, locale),
          }))}
          extraField={{ name: 'overrideReason', label: t('overrideReason'), hint: t('overrideHint') }}
          submitLabel={t('startSubmit')}
        />
      ) : (
        <p role="status" className="rounded-2xl bg-amber-50 p-5 text-amber-950 ring-1 ring-amber-200">
          {returnable.refusal ? tErrors(returnable.refusal as 'generic') : tShop('nothingToReturn')}
        </p>
      )}
    </div>
  );
}
