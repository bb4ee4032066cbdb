import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { SettingsForm, type SettingsFieldSpec } from '@/components/admin/settings-form';
import { StoreSettingsForms } from '@/components/admin/settings-stores';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { weekdayNames } from '@/lib/locations/opening-hours';
import {
  savePoliciesSettingsAction,
  savePricingSettingsAction,
  saveShopSettingsAction,
  saveStaffDiscountSettingsAction,
  saveStoreSettingsAction,
} from '@/lib/settings/actions';
import { getSettingsOverview } from '@/lib/settings/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.settings'))('title') };
}

/** "21" / "10,5": basis points as an admin types a percentage (Dutch decimal comma in Dutch). */
function percent(bp: number, locale: string): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return String(whole);
  return `${whole}${locale === 'nl' ? ',' : '.'}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** Cents as an amount the euro field reads back: "4,95" / "4.95". */
function euros(cents: number, locale: string): string {
  const text = `${Math.trunc(cents / 100)}${locale === 'nl' ? ',' : '.'}${String(cents % 100).padStart(2, '0')}`;
  return text;
}

export default async function SettingsPage() {
  await requirePageRole(ADMIN_ROLES, '/admin/settings');
  const [t, locale] = await Promise.all([getTranslations('admin.settings'), getLocale()]);
  const { settings: s, stores } = await getSettingsOverview(getDb());

  const shopFields: SettingsFieldSpec[] = [
    { name: 'shopName', label: t('shopName'), defaultValue: s.shop.name, wide: true },
    { name: 'legalName', label: t('legalName'), defaultValue: s.seller.legalName, wide: true },
    { name: 'street', label: t('street'), defaultValue: s.seller.street },
    { name: 'postcode', label: t('postcode'), defaultValue: s.seller.postcode },
    { name: 'city', label: t('city'), defaultValue: s.seller.city },
    { name: 'country', label: t('country'), hint: t('countryHint'), defaultValue: s.seller.country },
    { name: 'vatNumber', label: t('vatNumber'), hint: t('vatNumberHint'), defaultValue: s.seller.vatNumber },
    { name: 'cocNumber', label: t('cocNumber'), hint: t('cocNumberHint'), defaultValue: s.seller.cocNumber, inputMode: 'numeric' },
    { name: 'email', label: t('email'), defaultValue: s.seller.email, type: 'email' },
    { name: 'phone', label: t('phone'), defaultValue: s.seller.phone, type: 'tel' },
    { name: 'iban', label: t('iban'), defaultValue: s.seller.iban ?? '', wide: true },
  ];
  const pricingFields: SettingsFieldSpec[] = [
    { name: 'vatStandard', label: t('vatStandard'), defaultValue: percent(s.vat.standard, locale), inputMode: 'decimal' },
    { name: 'vatReduced', label: t('vatReduced'), defaultValue: percent(s.vat.reduced, locale), inputMode: 'decimal' },
    { name: 'vatZero', label: t('vatZero'), hint: t('vatHint'), defaultValue: percent(s.vat.zero, locale), inputMode: 'decimal' },
    { name: 'deliveryFee', label: t('deliveryFee'), defaultValue: euros(s.shipping.deliveryFeeCents, locale), inputMode: 'decimal' },
    {
      name: 'freeDeliveryThreshold',
      label: t('freeDeliveryThreshold'),
      defaultValue: euros(s.shipping.freeDeliveryThresholdCents, locale),
      inputMode: 'decimal',
    },
  ];
  const policyFields: SettingsFieldSpec[] = [
    { name: 'holdMinutes', label: t('holdMinutes'), hint: t('holdMinutesHint'), defaultValue: String(s.reservations.holdMinutes), inputMode: 'numeric' },
    { name: 'returnWindowDays', label: t('returnWindowDays'), defaultValue: String(s.returns.windowDays), inputMode: 'numeric' },
    {
      name: 'storeCreditExpiryMonths',
      label: t('storeCreditExpiryMonths'),
      hint: t('storeCreditExpiryHint'),
      defaultValue: String(s.returns.storeCreditExpiryMonths),
      inputMode: 'numeric',
    },
    { name: 'refundShippingOnFullReturn', label: t('refundShippingOnFullReturn'), defaultValue: s.returns.refundShippingOnFullReturn ? 'on' : '', type: 'checkbox' },
    { name: 'lowStockThreshold', label: t('lowStockThreshold'), hint: t('lowStockHint'), defaultValue: String(s.stock.lowStockThreshold), inputMode: 'numeric' },
    { name: 'pointsPerEuro', label: t('pointsPerEuro'), defaultValue: String(s.loyalty.pointsPerEuro), inputMode: 'numeric' },
    { name: 'redeemStepPoints', label: t('redeemStepPoints'), defaultValue: String(s.loyalty.redeemStepPoints), inputMode: 'numeric' },
    { name: 'redeemStepValue', label: t('redeemStepValue'), defaultValue: euros(s.loyalty.redeemStepCents, locale), inputMode: 'decimal' },
    {
      name: 'analyticsRetentionDays',
      label: t('analyticsRetentionDays'),
      hint: t('analyticsRetentionHint'),
      defaultValue: String(s.analytics.retentionDays),
      inputMode: 'numeric',
    },
  ];

  const staffDiscountFields: SettingsFieldSpec[] = [
    { name: 'clerkMaxPercent', label: t('clerkMaxPercent'), hint: t('maxPercentHint'), defaultValue: String(s.staffDiscounts.clerkMaxPercent), inputMode: 'numeric' },
    { name: 'adminMaxPercent', label: t('adminMaxPercent'), hint: t('maxPercentHint'), defaultValue: String(s.staffDiscounts.adminMaxPercent), inputMode: 'numeric' },
  ];

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader title={t('title')} description={t('intro')} />
      <SettingsForm id="shop" title={t('shopSection')} hint={t('shopHint')} action={saveShopSettingsAction} fields={shopFields} submitLabel={t('saveShop')} />
      <SettingsForm
        id="pricing"
        title={t('pricingSection')}
        hint={t('pricingHint')}
        action={savePricingSettingsAction}
        fields={pricingFields}
        submitLabel={t('savePricing')}
      />
      <SettingsForm id="policies" title={t('policiesSection')} action={savePoliciesSettingsAction} fields={policyFields} submitLabel={t('savePolicies')} />
      <SettingsForm
        id="staff-discounts"
        title={t('staffDiscountSection')}
        hint={t('staffDiscountHint')}
        action={saveStaffDiscountSettingsAction}
        fields={staffDiscountFields}
        submitLabel={t('saveStaffDiscounts')}
      />
      <StoreSettingsForms
        title={t('storesSection')}
        hint={t('storesHint')}
        empty={t('noStores')}
        stores={stores}
        weekdays={weekdayNames(locale)}
        labels={{ pickupEnabled: t('pickupEnabled'), save: (store) => t('saveStore', { store }) }}
        action={saveStoreSettingsAction}
      />
    </div>
  );
}
