import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { ButtonLink } from '@/components/ui/button';
import { getDb } from '@/lib/db';
import { passwordResetLinkState } from '@/lib/identity/password-reset';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.resetPassword'))('title'), robots: { index: false } };
}

/**
 * The link from the reset mail. Opening it changes nothing (mail scanners open links too): the token
 * is only read here, and used up by the form's action.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations('auth.resetPassword');
  const { token } = await searchParams;
  const state = typeof token === 'string' ? await passwordResetLinkState(getDb(), token) : 'invalid';
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      {state === 'valid' ? (
        <>
          <p className="mt-2 mb-6 text-stone-600">{t('intro')}</p>
          <ResetPasswordForm token={token as string} />
        </>
      ) : (
        <>
          <div role="status" className="mt-4">
            <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">{t(`states.${state}`)}</p>
          </div>
          <div className="mt-6">
            <ButtonLink href="/forgot-password">{t('requestNew')}</ButtonLink>
          </div>
        </>
      )}
    </>
  );
}
