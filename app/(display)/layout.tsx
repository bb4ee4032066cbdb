import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

// The in-store display (S10): a screen or tablet on the shop floor. No header or navigation; big type.
export default function DisplayLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages surface="display">
      <main id="main" className="min-h-dvh bg-white text-stone-900">
        {children}
      </main>
    </ClientMessages>
  );
}
