'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Card } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { deactivateStaffAction, reactivateStaffAction, resetStaffPasswordAction, updateStaffAction } from '@/lib/staff/actions';
import { StaffRoleFields, type StoreOption } from './staff-fields';

interface Member {
  id: number;
  role: 'clerk' | 'admin';
  storeId: number | null;
  disabled: boolean;
}

/** Role and store of one staff member; every refusal (yourself, the last admin) comes back as a message. */
export function StaffRoleForm({ member, stores }: { member: Member; stores: StoreOption[] }) {
  const t = useTranslations('admin.staff');
  const [state, formAction] = useActionState<ActionState | null, FormData>(updateStaffAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <Card>
      <form action={formAction} noValidate className="space-y-5">
        <div>
          <h2 className="text-base font-semibold text-stone-900">{t('roleSection')}</h2>
          <p className="mt-1 text-sm text-stone-600">{t('roleSectionIntro')}</p>
        </div>
        <input type="hidden" name="userId" value={member.id} />
        <StaffRoleFields idPrefix="edit-staff" stores={stores} initialRole={member.role} initialStoreId={member.storeId} errors={errors} />
        <FormMessage state={state} />
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </form>
    </Card>
  );
}

/** Password reset and (re)activation: one button each, each with its own announced outcome. */
export function StaffAccessForms({ member }: { member: Member }) {
  const t = useTranslations('admin.staff');
  const [resetState, resetAction] = useActionState<ActionState | null, FormData>(resetStaffPasswordAction, null);
  const [deactivateState, deactivateAction] = useActionState<ActionState | null, FormData>(deactivateStaffAction, null);
  const [reactivateState, reactivateAction] = useActionState<ActionState | null, FormData>(reactivateStaffAction, null);
  // The page re-renders with the new status after either action: show the refusal of the button on
  // screen, or else the success of the one that brought the account here.
  const accessState = member.disabled
    ? reactivateState?.ok === false
      ? reactivateState
      : deactivateState
    : deactivateState?.ok === false
      ? deactivateState
      : reactivateState;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {!member.disabled && (
        <Card>
          <form action={resetAction} className="space-y-4">
            <h2 className="text-base font-semibold text-stone-900">{t('passwordSection')}</h2>
            <p className="text-sm text-stone-600">{t('passwordIntro')}</p>
            <input type="hidden" name="userId" value={member.id} />
            <FormMessage state={resetState} />
            <SubmitButton variant="secondary" pendingLabel={t('resetting')}>
              {t('resetButton')}
            </SubmitButton>
          </form>
        </Card>
      )}
      <Card>
        <form action={member.disabled ? reactivateAction : deactivateAction} className="space-y-4">
          <h2 className="text-base font-semibold text-stone-900">{t('accessSection')}</h2>
          <p className="text-sm text-stone-600">{member.disabled ? t('reactivateIntro') : t('deactivateIntro')}</p>
          <input type="hidden" name="userId" value={member.id} />
          <FormMessage state={accessState} />
          <SubmitButton variant={member.disabled ? 'primary' : 'danger'} pendingLabel={t('working')}>
            {member.disabled ? t('reactivateButton') : t('deactivateButton')}
          </SubmitButton>
        </form>
      </Card>
    </div>
  );
}
