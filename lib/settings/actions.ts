'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { saveSettings, updateStoreSettings, type SettingsPatch } from './mutations';
import { pricingFormSchema, policiesFormSchema, shopSellerFormSchema, staffDiscountFormSchema, storeSettingsFormSchema } from './schemas';
import { getSetting, invalidateSettingLocally, type SettingKey } from './settings';

// Admin settings actions, one per section of /admin/settings. Each saves in one transaction (with an
// audit entry per changed setting); other instances drop their cached values on the NOTIFY that the
// commit delivers, this one right after the commit.

async function save(patch: SettingsPatch, actor: Parameters<typeof saveSettings>[2]): Promise<SettingKey[]> {
  const db = getDb();
  const changed = await db.transaction((tx) => saveSettings(tx, patch, actor));
  for (const key of changed) invalidateSettingLocally(key);
  // Prices, receipts and the store pages all read settings: drop every cached page.
  if (changed.length > 0) revalidatePath('/', 'layout');
  return changed;
}

export const saveShopSettingsAction = action(
  { schema: shopSellerFormSchema, access: access.admin },
  async ({ shopName, ...seller }, { actor, t }) => {
    const changed = await save({ shop: { name: shopName }, seller }, actor);
    return { message: t(changed.length ? 'admin.settings.saved' : 'admin.settings.unchanged') };
  },
);

export const savePricingSettingsAction = action(
  { schema: pricingFormSchema, access: access.admin },
  async (input, { actor, t }) => {
    const changed = await save(
      {
        vat: { standard: input.vatStandard, reduced: input.vatReduced, zero: input.vatZero },
        shipping: { deliveryFeeCents: input.deliveryFee, freeDeliveryThresholdCents: input.freeDeliveryThreshold },
      },
      actor,
    );
    return { message: t(changed.length ? 'admin.settings.saved' : 'admin.settings.unchanged') };
  },
);

export const savePoliciesSettingsAction = action(
  { schema: policiesFormSchema, access: access.admin },
  async (input, { actor, t }) => {
    const [current, analytics] = await Promise.all([getSetting(getDb(), 'returns'), getSetting(getDb(), 'analytics')]);
    const changed = await save(
      {
        reservations: { holdMinutes: input.holdMinutes },
        returns: {
          windowDays: input.returnWindowDays,
          refundShippingOnFullReturn: input.refundShippingOnFullReturn === 'on',
          storeCreditExpiryMonths: input.storeCreditExpiryMonths ?? current.storeCreditExpiryMonths,
        },
        stock: { lowStockThreshold: input.lowStockThreshold },
        loyalty: { pointsPerEuro: input.pointsPerEuro, redeemStepPoints: input.redeemStepPoints, redeemStepCents: input.redeemStepValue },
        analytics: { retentionDays: input.analyticsRetentionDays ?? analytics.retentionDays },
      },
      actor,
    );
    return { message: t(changed.length ? 'admin.settings.saved' : 'admin.settings.unchanged') };
  },
);

/** The largest manual discount a clerk / an admin may give at the counter (checked again on every discount). */
export const saveStaffDiscountSettingsAction = action(
  { schema: staffDiscountFormSchema, access: access.admin },
  async (input, { actor, t }) => {
    const changed = await save({ staffDiscounts: input }, actor);
    return { message: t(changed.length ? 'admin.settings.saved' : 'admin.settings.unchanged') };
  },
);

export const saveStoreSettingsAction = action(
  { schema: storeSettingsFormSchema, access: access.admin },
  async (input, { actor, t }) => {
    const result = await getDb().transaction((tx) => updateStoreSettings(tx, input, actor));
    if (result.changed) revalidatePath('/', 'layout');
    return { message: t(result.changed ? 'admin.settings.storeSaved' : 'admin.settings.unchanged', { store: result.name }) };
  },
);
