import { createTranslator } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import type { PaymentAnomalyDto } from '@/lib/payments/anomaly-queries';
import { PaymentsAttention } from './payments-attention';

// The server component's translations, from the real message files, in the locale under test.
const current = vi.hoisted(() => ({ locale: 'en' as 'en' | 'nl' }));
// The Retry button is a client component calling a server action: stood in for by a marker.
vi.mock('./refund-retry-button', () => ({
  RefundRetryButton: ({ retryable }: { retryable: boolean }) => (retryable ? 'Retry refund' : null),
}));
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({
      locale: current.locale,
      messages: MESSAGES[current.locale],
      namespace: namespace as never,
    }),
}));

const items: PaymentAnomalyDto[] = [
  {
    key: 'anomaly:1',
    kind: 'paid_after_cancel',
    orderId: '0b0c3a52-5e0f-4a53-9d0e-2f3b0c1d2e3f',
    orderNumber: 'W-100123',
    providerReference: 'tp_abcdefghijklmnop',
    amountCents: 5000,
    refundDue: true,
    paymentId: null,
    refund: { status: 'failed', failureReason: 'provider_failed' },
    retryable: false,
    createdAt: new Date('2026-05-01T10:00:00Z'),
  },
  {
    key: 'anomaly:2',
    kind: 'unknown_payment',
    orderId: null,
    orderNumber: null,
    providerReference: 'tp_unknownreference',
    amountCents: 1250,
    refundDue: false,
    paymentId: null,
    refund: null,
    retryable: false,
    createdAt: new Date('2026-05-01T09:00:00Z'),
  },
];

async function render(locale: Locale, list: PaymentAnomalyDto[]) {
  current.locale = locale;
  return renderToStaticMarkup(await PaymentsAttention({ items: list, locale }));
}

describe('PaymentsAttention', () => {
  it('lists each item with its order linked, what went wrong and the amount, in English and Dutch', async () => {
    const en = await render('en', items);
    expect(en).toContain('Payments needing attention');
    expect(en).toContain('href="/admin/orders/0b0c3a52-5e0f-4a53-9d0e-2f3b0c1d2e3f"');
    expect(en).toContain('>W-100123</a>');
    expect(en).toContain('Paid after the order was cancelled');
    expect(en).toContain('Refund due');
    expect(en).toContain('€50.00');
    // No order to link to: the provider's reference instead.
    expect(en).toContain('tp_unknownreference');
    expect(en).toContain('Payment the shop does not know');

    const nl = await render('nl', items);
    expect(nl).toContain('Betalingen die aandacht vragen');
    expect(nl).toContain('Betaald nadat de bestelling was geannuleerd');
    expect(nl).toContain('Terugbetaling open');
    expect(nl).toContain('€\u00a050,00');
  });

  it('says so when nothing needs attention', async () => {
    expect(await render('en', [])).toContain('Nothing needs attention');
    expect(await render('nl', [])).toContain('Niets vraagt aandacht');
  });
});
