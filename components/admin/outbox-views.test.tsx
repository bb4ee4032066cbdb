import { createTranslator } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import type { OutboxListItem, OutboxMessage } from '@/lib/notifications/queries';
import { OutboxMessageView } from './outbox-message';
import { OutboxTable } from './outbox-table';

// The server components' translations, from the real message files, in the locale under test.
const current = vi.hoisted(() => ({ locale: 'en' as 'en' | 'nl' }));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale: current.locale, messages: MESSAGES[current.locale], namespace: namespace as never }),
}));
// The client button (its own action and translations) is not under test here: a marker shows where it goes.
vi.mock('./outbox-retry-button', () => ({
  OutboxRetryButton: ({ id, retryable }: { id: string; retryable: boolean }) => (retryable ? <i data-retry={id} /> : null),
}));

const base: OutboxListItem = {
  id: '11111111-1111-4111-8111-111111111111',
  createdAt: new Date('2026-05-01T10:00:00Z'),
  channel: 'email',
  recipient: 'anna@example.com',
  templateKey: 'conversation_reply',
  subject: 'You have a reply from the shop',
  status: 'sent',
  attempts: 1,
  lastError: null,
  nextAttemptAt: new Date('2026-05-01T10:00:00Z'),
  sentAt: new Date('2026-05-01T10:00:01Z'),
  devOutbox: true,
};
const dead: OutboxListItem = {
  ...base,
  id: '22222222-2222-4222-8222-222222222222',
  channel: 'sms',
  recipient: '+32470123456',
  status: 'dead',
  attempts: 8,
  lastError: 'SMS provider answered 503: maintenance',
  sentAt: null,
  devOutbox: false,
};

async function table(locale: Locale, rows: OutboxListItem[]) {
  current.locale = locale;
  return renderToStaticMarkup(await OutboxTable({ messages: rows, locale }));
}

describe('admin outbox views', () => {
  it('lists time, channel, recipient, subject, status, attempts and error, with Retry only where it applies', async () => {
    const en = await table('en', [base, dead]);
    expect(en).toContain('<caption class="sr-only">Messages in the outbox, newest first</caption>');
    expect(en).toContain('anna@example.com');
    expect(en).toContain('You have a reply from the shop');
    expect(en).toContain('Development outbox: not delivered');
    expect(en).toContain('>Dead<');
    expect(en).toContain('SMS provider answered 503: maintenance');
    expect(en).toContain(`href="/admin/outbox/${base.id}"`);
    expect(en).toContain(`data-retry="${dead.id}"`);
    expect(en).not.toContain(`data-retry="${base.id}"`);

    const nl = await table('nl', [base, dead]);
    expect(nl).toContain('Ontwikkel-outbox: niet afgeleverd');
    expect(nl).toContain('>Opgegeven<');
    expect(nl).toContain('>Sms<');
  });

  it('shows the HTML in a sandboxed iframe of its own preview route, and the text as text', async () => {
    current.locale = 'en';
    const message: OutboxMessage = {
      ...dead,
      causeKey: 'thread:9:message:2',
      locale: 'en',
      providerMessageId: null,
      bodyText: 'Hello <b>Bram</b>',
      bodyHtml: '<p>Hi</p><script>alert(1)</script>',
      lockedUntil: null,
      updatedAt: new Date('2026-05-01T10:05:00Z'),
    };
    const out = renderToStaticMarkup(await OutboxMessageView({ message, locale: 'en' }));
    expect(out).toContain('sandbox=""');
    expect(out).toContain(`src="/api/admin/outbox/${message.id}/preview"`);
    expect(out).not.toContain('<script>');
    expect(out).toContain('Hello &lt;b&gt;Bram&lt;/b&gt;');
    expect(out).toContain('thread:9:message:2');
    expect(out).toContain('Last error');

    const unrendered = renderToStaticMarkup(await OutboxMessageView({ message: { ...message, bodyText: null, bodyHtml: null }, locale: 'en' }));
    expect(unrendered).toContain('Not rendered yet');
  });
});
