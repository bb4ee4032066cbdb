import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CLIENT_NAMESPACES, pickMessages, type Surface } from '@/lib/i18n/client-messages';

/** The client translation provider of one surface, with just the messages its client components use. */
export async function ClientMessages({ surface, children }: { surface: Surface; children: ReactNode }) {
  const messages = pickMessages(await getMessages(), CLIENT_NAMESPACES[surface]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
