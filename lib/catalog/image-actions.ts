'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { deleteImageSchema, uploadImageSchema } from './admin-schemas';
import { deleteProductImage, uploadProductImage } from './image-mutations';
import { getImageStore } from './image-store';

const refreshEverywhere = () => revalidatePath('/', 'layout');

/** Upload from the product page's form (multipart); type and size are checked on the bytes themselves. */
export const uploadProductImageAction = action({ schema: uploadImageSchema, access: access.admin }, async ({ file, ...input }, { actor, t }) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  await uploadProductImage(getDb(), getImageStore(), { ...input, bytes }, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.images.uploaded') };
});

export const deleteProductImageAction = action({ schema: deleteImageSchema, access: access.admin }, async ({ id }, { actor, t }) => {
  await deleteProductImage(getDb(), getImageStore(), id, actor);
  refreshEverywhere();
  return { message: t('admin.catalog.images.deleted') };
});
