import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The built-in test provider's hosted page looks like a third party on purpose: no shop header or
// footer, its own colours, so the redirect to "the provider" and back is visible as it would be live.
export default function PaymentProviderLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages surface="payment">
      <div className="flex min-h-dvh flex-col bg-slate-100">
        <main id="main" className="flex flex-1 items-start justify-center px-4 py-10 sm:items-center">
          {children}
        </main>
      </div>
    </ClientMessages>
  );
}
