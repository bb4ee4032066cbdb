import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { VariantForm } from '@/components/admin/variant-form';
import { VariantPriceChanges } from '@/components/admin/variant-price-changes';
import { VariantPriceScheduleForm } from '@/components/admin/variant-price-schedule';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getAdminVariant } from '@/lib/catalog/admin-queries';
import { centsInput } from '@/lib/catalog/unique';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/i18n/format';

type Props = { params: Promise<{ id: string; variantId: string }> };
const asId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : null);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = asId((await params).variantId);
  const variant = id ? await getAdminVariant(getDb(), id, new Date(), await getLocale()) : null;
  return { title: variant?.sku };
}

export default async function AdminVariantPage({ params }: Props) {
  const { id: rawProduct, variantId: rawVariant } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/products/${rawProduct}/variants/${rawVariant}`);
  const id = asId(rawVariant);
  const locale = await getLocale();
  const variant = id ? await getAdminVariant(getDb(), id, new Date(), locale) : null;
  if (!variant || String(variant.productId) !== rawProduct) notFound();
  const t = await getTranslations('admin.catalog');
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <PageHeader
        title={t('variant.editTitle', { sku: variant.sku })}
        description={variant.productName}
        back={{ href: `/admin/products/${variant.productId}`, label: t('variant.back', { product: variant.productName }) }}
      />
      <VariantForm
        id={variant.id}
        initial={{
          size: variant.size ?? '',
          color: variant.color ?? '',
          sku: variant.sku,
          ean: variant.ean,
          price: centsInput(variant.priceCents),
          active: variant.active,
        }}
      />
      <section aria-labelledby="schedule-title" className="space-y-4">
        <h2 id="schedule-title" className="text-lg font-semibold text-stone-900">
          {t('schedule.section')}
        </h2>
        <p className="max-w-3xl text-sm text-stone-600">
          {t('schedule.intro')} {t('schedule.current', { price: formatMoney(variant.priceCents, locale) })}
        </p>
        <VariantPriceChanges changes={variant.changes} locale={locale} />
        <Card>
          <VariantPriceScheduleForm variantId={variant.id} />
        </Card>
      </section>
    </div>
  );
}
