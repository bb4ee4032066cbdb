import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { Actor } from '@/lib/identity/queries';
import { findCustomerByEmail } from '@/lib/conversations/inbox-queries';
import { getDb } from '@/lib/db';

/** "Find a customer by email": to open their conversation, or start one with a note of a call. */
export async function FindCustomer({ email, actor }: { email: string; actor: Actor }) {
  const t = await getTranslations('conversations.staff');
  const found = email ? await findCustomerByEmail(getDb(), email, actor) : null;
  return (
    <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <Form action="/admin/messages" className="flex max-w-2xl flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="find-customer" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('findCustomer')}
          </label>
          <input id="find-customer" name="email" type="email" defaultValue={email} key={email} autoComplete="off" className={inputClass} />
        </div>
        <Button type="submit" variant="secondary">
          {t('find')}
        </Button>
      </Form>
      {email && (
        <p role="status" className="mt-3 text-sm">
          {found ? (
            <Link href={`/admin/messages/customer/${found.id}`} className="font-medium text-brand-700 underline">
              {t('openCustomer', { name: found.name })}
            </Link>
          ) : (
            <span className="text-stone-700">{t('noCustomer', { email })}</span>
          )}
        </p>
      )}
    </div>
  );
}
