'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import {
  createProductSchema,
  createVariantSchema,
  setVariantActiveSchema,
  updateProductSchema,
  updateVariantSchema,
} from './admin-schemas';
import { createProduct, createVariant, setVariantActive, updateProduct, updateVariant } from './product-mutations';

// Admin product and variant actions: thin, the rules live in admin-schemas.ts and product-mutations.ts.

// A price or a product's name shows in every channel: drop every cached page, not only the admin's.
const refreshEverywhere = () => revalidatePath('/', 'layout');

export const createProductAction = action({ schema: createProductSchema, access: access.admin }, async (input, { actor }) => {
  const { id } = await createProduct(getDb(), input, actor);
  refreshEverywhere();
  redirect(`/admin/products/${id}?saved=product`);
});

export const updateProductAction = action({ schema: updateProductSchema, access: access.admin }, async ({ id, ...input }, { actor, t }) => {
  await updateProduct(getDb(), id, input, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.product.saved') };
});

export const createVariantAction = action({ schema: createVariantSchema, access: access.admin }, async ({ productId, ...input }, { actor }) => {
  await createVariant(getDb(), productId, input, actor);
  refreshEverywhere();
  redirect(`/admin/products/${productId}?saved=variant`);
});

export const updateVariantAction = action({ schema: updateVariantSchema, access: access.admin }, async ({ id, ...input }, { actor, t }) => {
  await updateVariant(getDb(), id, input, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.variant.saved') };
});

export const setVariantActiveAction = action({ schema: setVariantActiveSchema, access: access.admin }, async ({ id, active }, { actor, t }) => {
  await setVariantActive(getDb(), id, active, actor);
  refreshEverywhere();
  return { message: t(active ? 'admin.catalog.variant.activated' : 'admin.catalog.variant.deactivated') };
});
