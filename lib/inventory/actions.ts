'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { adjustStockSchema, lowStockThresholdSchema } from './schemas';
import { adjustStockPosition, setLowStockThreshold } from './staff-adjust';

// Admin stock actions (the matrix at /admin/stock). Stock is visible everywhere: refresh every page.

/** "Save adjustment" in a stock cell: a count or a ± change, with its reason. */
export const adjustStockAction = action({ schema: adjustStockSchema, access: access.admin }, async (input, { actor, t }) => {
  const result = await adjustStockPosition(getDb(), input, actor);
  revalidatePath('/', 'layout');
  return { message: t('admin.stock.adjust.saved', { onHand: result.onHand, available: result.available }) };
});

/** "Save threshold" in a stock cell; blank returns to the shop-wide default. */
export const setLowStockThresholdAction = action({ schema: lowStockThresholdSchema, access: access.admin }, async (input, { actor, t }) => {
  await setLowStockThreshold(getDb(), input, actor);
  revalidatePath('/admin', 'layout');
  return { message: t('admin.stock.threshold.saved') };
});
