import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isWellFormedToken, verifyEmailToken, type VerifyEmailResult } from '@/lib/identity/email-verification';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth.verifyEmail'))('title') };
}

const SUCCESS: readonly VerifyEmailResult[] = ['verified', 'claimed'];

/**
 * The link from the verification mail. It is consumed only while signed in as the account that asked
 * for it (see verifyEmailToken), so a mail scanner or the wrong person opening it changes nothing.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const t = await getTranslations('auth.verifyEmail');
  const { token } = await searchParams;
  let result: VerifyEmailResult = 'invalid';
  if (isWellFormedToken(token)) {
    const actor = await getActor();
    if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/verify-email?token=${token}`)}`);
    result = await verifyEmailToken(getDb(), token, { userId: actor.userId });
  }
  const ok = SUCCESS.includes(result);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <div role="status" className="mt-4">
        <p
          className={`rounded-lg px-3 py-2 text-sm ring-1 ${ok ? 'bg-brand-50 text-brand-800 ring-brand-200' : 'bg-red-50 text-red-800 ring-red-200'}`}
        >
          {t(`results.${result}`)}
        </p>
      </div>
      <div className="mt-6">
        <ButtonLink href={ok ? '/account' : '/'} variant={ok ? 'primary' : 'secondary'}>
          {ok ? t('toAccount') : t('toShop')}
        </ButtonLink>
      </div>
    </>
  );
}
