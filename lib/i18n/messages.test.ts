import { describe, expect, it } from 'vitest';
import { orderEventType } from '@/db/schema/orders';
import { localeFromAcceptLanguage } from './config';
import { formatMoney } from './format';
import { MESSAGES } from './messages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('Dutch and English have exactly the same keys', () => {
    expect(keys(MESSAGES.nl).sort()).toEqual(keys(MESSAGES.en).sort());
  });

  it('every message is a non-empty string', () => {
    for (const locale of ['nl', 'en'] as const) {
      const empty = keys(MESSAGES[locale]).filter((k) => {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], MESSAGES[locale]);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it("the payment events have a label on the order page's timeline", () => {
    const payment = orderEventType.enumValues.filter((type) => ['paid', 'payment_failed', 'refund_due'].includes(type));
    expect(payment).toHaveLength(3);
    for (const locale of ['nl', 'en'] as const) {
      const labels: Record<string, string> = MESSAGES[locale].shop.order.events;
      expect(payment.filter((type) => !labels[type])).toEqual([]);
    }
  });
});

describe('order timeline labels', () => {
  it('every order event type, the hand-over ones included, has a label in both languages', () => {
    expect(orderEventType.enumValues).toEqual(expect.arrayContaining(['identity_checked', 'handover_undone']));
    for (const locale of ['nl', 'en'] as const) {
      const labels: Record<string, string> = MESSAGES[locale].shop.order.events;
      expect(orderEventType.enumValues.filter((type) => !labels[type])).toEqual([]);
    }
  });
});

describe('locale formatting', () => {
  it('formats euros the Dutch and the English way', () => {
    expect(formatMoney(123450, 'nl')).toBe('€\u00a01.234,50');
    expect(formatMoney(123450, 'en')).toBe('€1,234.50');
    expect(formatMoney(-995, 'nl')).toBe('€\u00a0-9,95');
  });

  it('negotiates the language from Accept-Language', () => {
    expect(localeFromAcceptLanguage('de-DE,en;q=0.8,nl;q=0.9')).toBe('nl');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR')).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
  });
});
