'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';

export interface StoreOption {
  id: number;
  name: string;
}

/**
 * Role and store, shared by the create and edit forms: the store is asked for a clerk only (an admin
 * works for every store), and the server enforces the same pairing.
 */
export function StaffRoleFields({
  stores,
  initialRole,
  initialStoreId,
  errors,
  idPrefix,
}: {
  stores: StoreOption[];
  initialRole: 'clerk' | 'admin';
  initialStoreId: number | null;
  errors?: Record<string, string[]>;
  idPrefix: string;
}) {
  const t = useTranslations('admin.staff');
  const [role, setRole] = useState(initialRole);
  const roleId = `${idPrefix}-role`;
  const storeId = `${idPrefix}-store`;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <div>
        <label htmlFor={roleId} className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('role')}
        </label>
        <select
          id={roleId}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as 'clerk' | 'admin')}
          className={inputClass}
          aria-invalid={errors?.role?.length ? true : undefined}
          aria-describedby={`${roleId}-error`}
        >
          <option value="clerk">{t('roles.clerk')}</option>
          <option value="admin">{t('roles.admin')}</option>
        </select>
        <FieldError id={`${roleId}-error`} errors={errors?.role} />
      </div>
      <div>
        <label htmlFor={storeId} className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('store')}
        </label>
        {role === 'clerk' ? (
          <select
            id={storeId}
            name="storeId"
            defaultValue={initialStoreId ?? ''}
            className={inputClass}
            aria-invalid={errors?.storeId?.length ? true : undefined}
            aria-describedby={`${storeId}-hint ${storeId}-error`}
          >
            <option value="">{t('chooseStore')}</option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        ) : (
          <select id={storeId} disabled className={inputClass} aria-describedby={`${storeId}-hint`}>
            <option>{t('allStores')}</option>
          </select>
        )}
        <p id={`${storeId}-hint`} className="mt-1 text-sm text-stone-500">
          {t('storeHint')}
        </p>
        <FieldError id={`${storeId}-error`} errors={errors?.storeId} />
      </div>
    </div>
  );
}
