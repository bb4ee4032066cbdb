'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { createCategorySchema, moveCategorySchema, updateCategorySchema } from './admin-schemas';
import { createCategory, moveCategory, updateCategory } from './category-mutations';

// Category names and order show in the shop's filters: every cached page is dropped.
const refreshEverywhere = () => revalidatePath('/', 'layout');

export const createCategoryAction = action({ schema: createCategorySchema, access: access.admin }, async (input, { actor, t }) => {
  await createCategory(getDb(), input, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.categories.created', { name: input.nameEn }) };
});

export const updateCategoryAction = action({ schema: updateCategorySchema, access: access.admin }, async ({ id, ...input }, { actor, t }) => {
  await updateCategory(getDb(), id, input, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.categories.saved') };
});

export const moveCategoryAction = action({ schema: moveCategorySchema, access: access.admin }, async ({ id, direction }, { actor, t }) => {
  await moveCategory(getDb(), id, direction, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.categories.moved') };
});
