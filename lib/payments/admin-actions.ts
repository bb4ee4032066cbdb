'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { refundOwedPayments } from './refund-due';

/**
 * "Retry refund" in the dashboard's "Payments needing attention": refunds what is still owed on an
 * online payment through its provider (admins only). Nothing owed, or a refund already under way, is
 * refused with a message and changes nothing.
 */
export const retryRefundAction = action(
  { schema: z.object({ paymentId: z.uuid('validation.invalid') }).strict(), access: access.admin },
  async (input, { t }) => {
    const [outcome] = await refundOwedPayments(getDb(), { paymentId: input.paymentId });
    if (!outcome) throw new DomainError('refund.nothingOwed');
    revalidatePath('/admin');
    return { message: t(`admin.dashboard.attention.retried.${outcome.status}`) };
  },
);
