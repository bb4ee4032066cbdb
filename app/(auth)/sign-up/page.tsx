import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { safeRedirectTarget } from '@/lib/identity/callback-url';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.signUp'))('title') };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const t = await getTranslations('auth.signUp');
  const { callbackUrl } = await searchParams;
  // Only a same-site path is carried on (no open redirect); anything else is dropped.
  const safe = callbackUrl ? safeRedirectTarget(callbackUrl, '') || undefined : undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 mb-6 text-stone-600">{t('intro')}</p>
      <SignUpForm callbackUrl={safe} />
      <p className="mt-6 text-sm text-stone-600">
        {t('haveAccount')}{' '}
        <Link href={safe ? `/sign-in?callbackUrl=${encodeURIComponent(safe)}` : '/sign-in'} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t('signIn')}
        </Link>
      </p>
    </>
  );
}
