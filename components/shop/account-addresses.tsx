'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import type { ActionState } from '@/lib/actions/action-state';
import { deleteAddressAction, makeDefaultAddressAction } from '@/lib/identity/account-actions';
import type { AddressDto } from '@/lib/identity/addresses';
import { AccountAddressForm } from './account-address-form';

/** The address book: the default one prefills checkout. */
export function AccountAddresses({ addresses }: { addresses: AddressDto[] }) {
  const t = useTranslations('shop.accountEdit');
  const [editing, setEditing] = useState<number | 'new' | null>(addresses.length === 0 ? 'new' : null);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<ActionState | null>(null);
  const run = (fn: typeof deleteAddressAction, addressId: number) =>
    start(async () => setMessage(await fn({ addressId: String(addressId) })));

  return (
    <div className="space-y-4">
      {addresses.length === 0 && <p className="text-stone-600">{t('noAddresses')}</p>}
      <ul className="space-y-3">
        {addresses.map((a) => (
          <li key={a.id} className="rounded-xl p-4 ring-1 ring-stone-200">
            {editing === a.id ? (
              <AccountAddressForm address={a} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-3">
                <address className="not-italic">
                  <span className="flex items-center gap-2 font-medium">
                    {a.label ?? a.name}
                    {a.isDefault && <Badge tone="brand">{t('default')}</Badge>}
                  </span>
                  {a.label && <span className="block">{a.name}</span>}
                  <span className="block">{a.street}</span>
                  <span className="block">
                    {a.postcode} {a.city}
                  </span>
                </address>
                <div className="flex flex-wrap gap-2">
                  <Button variant="ghost" onClick={() => setEditing(a.id)} aria-label={t('editNamed', { name: a.label ?? a.street })}>
                    {t('edit')}
                  </Button>
                  {!a.isDefault && (
                    <Button variant="ghost" disabled={pending} onClick={() => run(makeDefaultAddressAction, a.id)} aria-label={t('makeDefaultNamed', { name: a.label ?? a.street })}>
                      {t('makeDefault')}
                    </Button>
                  )}
                  <Button variant="ghost" disabled={pending} onClick={() => run(deleteAddressAction, a.id)} aria-label={t('deleteNamed', { name: a.label ?? a.street })}>
                    {t('delete')}
                  </Button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="text-sm empty:hidden">
        {message && <p className={message.ok ? 'text-brand-800' : 'text-red-700'}>{message.ok ? message.message : message.formError}</p>}
      </div>
      {editing === 'new' ? (
        <div className="rounded-xl bg-stone-50 p-4 ring-1 ring-stone-200">
          <h3 className="mb-3 font-medium">{t('newAddress')}</h3>
          <AccountAddressForm onDone={() => setEditing(null)} />
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          {t('addAddress')}
        </Button>
      )}
    </div>
  );
}
