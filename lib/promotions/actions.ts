'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb, type DbOrTx } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { promotionEditFormSchema, promotionFormSchema, promotionPreviewSchema, targetField, type PromotionFormOutput } from './admin-form';
import { previewSampleCart, type SamplePreview } from './admin-preview';
import { variantIdsBySku } from './admin-promotions';
import { findVariantIdBySku, getPromotionPreview, type PromotionPreview } from './admin-queries';
import { generateCampaignCodes } from './campaign-codes';
import { createPromotion, endPromotionNow, updatePromotion } from './mutations';
import type { PromotionInput } from './schemas';
import { endPromotionSchema, generateCampaignCodesSchema } from './schemas';

// Admin promotion actions. Thin: the form is translated by admin-form.ts, the rules live in
// schemas.ts / mutations.ts, prices in lib/pricing.

/** The SKUs typed in the form → variant ids; an unknown SKU is an error on the field that named it. */
async function withTarget(db: DbOrTx, form: PromotionFormOutput): Promise<PromotionInput> {
  let promotion = form.promotion;
  if (promotion.target === 'variant' && form.variantSku !== null) {
    const targetId = await findVariantIdBySku(db, form.variantSku);
    if (targetId === null) throw new DomainError('unknownSku', { sku: form.variantSku }, 'variantSku');
    promotion = { ...promotion, targetId };
  }
  if (form.exceptSkus.length > 0) {
    const { ids, unknown } = await variantIdsBySku(db, form.exceptSkus);
    if (unknown.length > 0) throw new DomainError('unknownSku', { sku: unknown.join(', ') }, 'exceptSkus');
    promotion = { ...promotion, exclusions: [...promotion.exclusions, ...ids.map((id) => ({ type: 'variant' as const, id }))] };
  }
  return promotion;
}

/** The domain reports a missing target on 'targetId'; the form shows it under the field that named it. */
function onFormField(error: unknown, target: PromotionInput['target']): unknown {
  if (error instanceof DomainError && error.field === 'targetId') {
    return new DomainError(error.code, error.values, targetField(target));
  }
  return error;
}

// Prices change in every channel at once: drop every cached page, not only the admin's.
const refreshEverywhere = () => revalidatePath('/', 'layout');

export const createPromotionAction = action(
  { schema: promotionFormSchema, access: access.admin },
  async (form, { actor }) => {
    const db = getDb();
    const promotion = await withTarget(db, form);
    const { id } = await createPromotion(db, promotion, actor).catch((e: unknown) => {
      throw onFormField(e, promotion.target);
    });
    refreshEverywhere();
    redirect(`/admin/promotions?saved=${id}`);
  },
);

export const updatePromotionAction = action(
  { schema: promotionEditFormSchema, access: access.admin },
  async (form, { actor }) => {
    const db = getDb();
    const promotion = await withTarget(db, form);
    await updatePromotion(db, form.id, promotion, actor).catch((e: unknown) => {
      throw onFormField(e, promotion.target);
    });
    refreshEverywhere();
    redirect(`/admin/promotions?saved=${form.id}`);
  },
);

/** Ends a promotion now: from the next request on, every channel shows the normal price. */
export const endPromotionAction = action(
  { schema: endPromotionSchema, access: access.admin },
  async ({ id }, { actor }) => {
    await endPromotionNow(getDb(), id, actor);
    refreshEverywhere();
    redirect(`/admin/promotions?ended=${id}`);
  },
);

/**
 * Generates N single-use campaign codes for a promotion (downloaded as CSV from
 * /api/admin/promotions/<id>/codes). A promotion without a code of its own becomes code-only, so prices
 * may change everywhere.
 */
export const generateCampaignCodesAction = action(
  { schema: generateCampaignCodesSchema, access: access.admin },
  async ({ promotionId, count, prefix }, { actor, t }) => {
    const { generated } = await generateCampaignCodes(getDb(), { promotionId, count, prefix: prefix ?? null }, actor);
    refreshEverywhere();
    return { message: t('admin.promotions.campaignCodes.generated', { count: generated }) };
  },
);

export interface PromotionPreviewData {
  /** One unit of the first targeted product ("€89.95 → €71.96"), for item promotions; null otherwise. */
  example: PromotionPreview | null;
  /** The sample cart the admin edits, priced by priceCart with this promotion. */
  sample: SamplePreview;
}

/**
 * The form's live preview, priced on the server by lib/pricing: one unit of the first targeted product
 * and the admin's sample cart (lines, customer, channel, fulfilment). Changes nothing.
 */
export const previewPromotionAction = action(
  { schema: promotionPreviewSchema, access: access.admin },
  async (form, { locale }): Promise<{ data: PromotionPreviewData }> => {
    const db = getDb();
    const promotion = await withTarget(db, form);
    const [example, sample] = await Promise.all([
      promotion.scope === 'item' ? getPromotionPreview(db, promotion, { locale }) : null,
      previewSampleCart(db, promotion, form.sample, { locale, editingId: form.editingId ?? undefined }),
    ]);
    return { data: { example, sample } };
  },
);
