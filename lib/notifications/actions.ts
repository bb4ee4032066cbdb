'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { retryNotification } from './mutations';
import { retryNotificationSchema } from './schemas';

/** "Retry" in /admin/outbox: a failed or dead message is queued again and the delivery job woken. */
export const retryNotificationAction = action(
  { schema: retryNotificationSchema, access: access.admin },
  async ({ id }, { actor, t }) => {
    await retryNotification(getDb(), id, actor);
    revalidatePath('/admin/outbox');
    return { message: t('admin.outbox.retried') };
  },
);
