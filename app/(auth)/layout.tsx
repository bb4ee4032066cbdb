import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { Logo } from '@/components/ui/logo';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages surface="auth">
      <div className="flex min-h-dvh flex-col bg-gradient-to-br from-brand-50 via-stone-50 to-orange-50">
        <header className="mx-auto flex w-full max-w-5xl items-center justify-between p-4 sm:p-6">
          <Logo />
          <LanguageSwitcher />
        </header>
        <main id="main" className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:pt-12">
          <div className="w-full max-w-md rounded-2xl bg-white p-6 shadow-xl shadow-stone-900/5 ring-1 ring-stone-200 sm:p-8">
            {children}
          </div>
        </main>
      </div>
    </ClientMessages>
  );
}
