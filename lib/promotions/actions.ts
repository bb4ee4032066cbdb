'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb, type DbOrTx } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import {
  promotionEditFormSchema,
  promotionFormSchema,
  promotionPreviewSchema,
  targetField,
  type PromotionFormOutput,
} from './admin-form';
import { findVariantIdBySku, getPromotionPreview, type PromotionPreview } from './admin-queries';
import { createPromotion, endPromotionNow, updatePromotion } from './mutations';
import type { PromotionInput } from './schemas';
import { endPromotionSchema } from './schemas';

// Admin promotion actions. Thin: the form is translated by admin-form.ts, the rules live in
// schemas.ts / mutations.ts, prices in lib/pricing.

/** The variant SKU typed in the form → its id; an unknown SKU is an error on that field. */
async function withTarget(db: DbOrTx, form: PromotionFormOutput): Promise<PromotionInput> {
  if (form.promotion.target !== 'variant' || form.variantSku === null) return form.promotion;
  const targetId = await findVariantIdBySku(db, form.variantSku);
  if (targetId === null) throw new DomainError('unknownSku', { sku: form.variantSku }, 'variantSku');
  return { ...form.promotion, targetId };
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
 * The form's live example ("€89.95 → €71.96"), priced on the server by lib/pricing. `data` is null
 * when the form does not yet describe a discount or targets nothing that is for sale.
 */
export const previewPromotionAction = action(
  { schema: promotionPreviewSchema, access: access.admin },
  async (form, { locale }): Promise<{ data: PromotionPreview | null }> => {
    const db = getDb();
    const promotion = await withTarget(db, form).catch(() => null);
    if (!promotion) return { data: null };
    return { data: await getPromotionPreview(db, promotion, { locale }) };
  },
);
