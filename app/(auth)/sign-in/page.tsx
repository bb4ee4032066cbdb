import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeRedirectTarget } from '@/lib/identity/callback-url';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signIn'))('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const t = await getTranslations('auth.signIn');
  const { callbackUrl, reset } = await searchParams;
  // Only a same-site path is carried on (no open redirect); anything else is dropped.
  const safe = callbackUrl ? safeRedirectTarget(callbackUrl, '') || undefined : undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 mb-6 text-stone-600">{t('intro')}</p>
      {reset === 'done' && (
        <p role="status" className="mb-4 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-800 ring-1 ring-brand-200">
          {t('resetDone')}
        </p>
      )}
      <SignInForm callbackUrl={safe} />
      <p className="mt-3 text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t('forgotPassword')}
        </Link>
      </p>
      <p className="mt-6 text-sm text-stone-600">
        {t('noAccount')}{' '}
        <Link href={safe ? `/sign-up?callbackUrl=${encodeURIComponent(safe)}` : '/sign-up'} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t('createAccount')}
        </Link>
      </p>
      <p className="mt-2 text-xs text-stone-500">{t('staffNote')}</p>
    </>
  );
}
