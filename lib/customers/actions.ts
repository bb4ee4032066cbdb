'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { eraseCustomer } from './erase';
import { mergeCustomers, updateCustomer } from './mutations';
import { eraseCustomerSchema, mergeCustomersSchema, updateCustomerSchema } from './schemas';

// Admin customer actions: edit, merge, erase. The GDPR export is a download (a route handler:
// app/api/admin/customers/[id]/export). Clerks may look customers up, never change them here.

export const updateCustomerAction = action(
  { schema: updateCustomerSchema, access: access.admin },
  async (input, { actor, t }) => {
    const { changed } = await updateCustomer(getDb(), input, actor);
    revalidatePath(`/admin/customers/${input.customerId}`);
    return { message: changed.length ? t('customers.edit.saved') : t('customers.edit.unchanged') };
  },
);

export const mergeCustomersAction = action(
  { schema: mergeCustomersSchema, access: access.admin },
  async (input, { actor }) => {
    await mergeCustomers(getDb(), { keepId: input.keepId, mergeId: input.mergeId }, actor);
    revalidatePath('/admin/customers', 'layout');
    redirect(`/admin/customers/${input.keepId}?merged=${input.mergeId}`);
  },
);

export const eraseCustomerAction = action(
  { schema: eraseCustomerSchema, access: access.admin },
  async (input, { actor }) => {
    await eraseCustomer(getDb(), { customerId: input.customerId }, actor);
    revalidatePath('/admin/customers', 'layout');
    redirect(`/admin/customers/${input.customerId}?erased=1`);
  },
);
