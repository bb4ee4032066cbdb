import { getTranslations } from 'next-intl/server';
import { signOutAction } from '@/lib/identity/actions';
import { SubmitButton } from './submit-button';

export async function SignOutButton({ className = '' }: { className?: string }) {
  const t = await getTranslations('common.nav');
  return (
    <form action={signOutAction as unknown as (fd: FormData) => Promise<void>}>
      <SubmitButton variant="ghost" size="sm" className={className}>
        {t('signOut')}
      </SubmitButton>
    </form>
  );
}
