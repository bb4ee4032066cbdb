import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { PermanentDeliveryError } from '../transports/types';
import { renderNotification, templateKeys } from './index';
import { fitSms } from './order-parts';
import { PICKUP_QR_CID } from './ready-for-pickup';

// The order templates without a database: the ones that attach the invoice PDF are rendered with a
// real one in lib/order-messages/notify.test.ts.
const ctx = { db: null as unknown as Db };
const EVIL = '<script>alert(1)</script>';
const HOURS = { '1': [['09:00', '18:00']], '2': [['09:00', '12:00'], ['13:00', '17:30']], '3': [], '4': [], '5': [], '6': [], '7': [] };
const STORE = { name: 'Omnishop Amsterdam Kalverstraat', street: 'Kalverstraat 112', postcode: '1012 PK', city: 'Amsterdam', phone: '+31 20 555 0101', openingHours: HOURS };
const base = { orderNumber: 'W-100042', name: 'Anna', link: '/orders/8b1c/open?access=abc.def' };
const summary = {
  fulfilment: 'pickup' as const,
  lines: [{ name: 'Trail Runner', variant: '42 · Black · TR-42-BLK', quantity: 2, totalCents: 9000, discountCents: 1000, promotion: 'Spring sale' }],
  subtotalCents: 9000,
  discountCents: 0,
  shippingCents: 0,
  totalCents: 9000,
  vatCents: 1562,
};

const SAMPLES: Record<string, Record<string, unknown>> = {
  order_confirmation: { ...base, summary, pickupStore: { name: STORE.name, street: STORE.street, postcode: STORE.postcode, city: STORE.city }, shippingAddress: null, guestLinkExpiresAt: '2026-06-01T10:00:00.000Z' },
  payment_received: { ...base, amountCents: 9000, method: 'test_provider', fulfilment: 'pickup' },
  ready_for_pickup: { ...base, pickupCode: 'K7M2QX', store: STORE },
  shipped: { ...base, shippingAddress: { name: 'Anna', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam' }, trackingUrl: 'https://jouw.postnl.nl/track/3SABC123', invoice: null },
  cancelled: { ...base, refund: true },
};

// What each must say, per language: [subject, a sentence of the text].
const EXPECTED: Record<string, Record<'nl' | 'en', [string, string]>> = {
  order_confirmation: {
    nl: ['We hebben je bestelling W-100042 ontvangen', 'Met deze knop open je je bestelling in elke browser, tot 1 juni 2026.'],
    en: ['We received your order W-100042', 'This button opens your order in any browser until 1 June 2026.'],
  },
  payment_received: {
    nl: ['Betaling ontvangen voor bestelling W-100042', 'We hebben € 90,00 ontvangen voor bestelling W-100042 (online betaling).'],
    en: ['Payment received for order W-100042', 'We received €90.00 for order W-100042 (online payment).'],
  },
  ready_for_pickup: {
    nl: ['Je bestelling W-100042 ligt klaar', 'Ophaalcode: K7M2QX'],
    en: ['Your order W-100042 is ready for pickup', 'Pickup code: K7M2QX'],
  },
  shipped: {
    nl: ['Je bestelling W-100042 is onderweg', 'Volg je pakket: https://jouw.postnl.nl/track/3SABC123'],
    en: ['Your order W-100042 is on its way', 'Track your parcel: https://jouw.postnl.nl/track/3SABC123'],
  },
  cancelled: {
    nl: ['Je bestelling W-100042 is geannuleerd', 'we storten het bedrag terug'],
    en: ['Your order W-100042 has been cancelled', 'we will refund the amount'],
  },
};

afterEach(() => vi.useRealTimers());

// Intl writes "€ 90,00" with a no-break space; the expectations are typed with a plain one.
const plain = (text: string | undefined) => (text ?? '').replace(/\u00a0/g, ' ');

describe('order message templates', () => {
  it('are all registered', () => {
    expect(templateKeys()).toEqual(
      expect.arrayContaining(['order_confirmation', 'payment_received', 'ready_for_pickup', 'collected', 'shipped', 'cancelled', 'counter_receipt']),
    );
  });

  for (const [key, payload] of Object.entries(SAMPLES)) {
    for (const locale of ['nl', 'en'] as const) {
      it(`${key} renders in ${locale}: subject, text and the shop's HTML layout with the order link`, async () => {
        const out = await renderNotification(key, locale, payload, ctx);
        const [subject, sentence] = EXPECTED[key][locale];
        expect(out.subject).toBe(subject);
        expect(plain(out.text)).toContain(sentence);
        expect(out.text).toContain(locale === 'nl' ? 'Hallo Anna,' : 'Hello Anna,');
        expect(out.text).toContain('http://localhost:3000/orders/8b1c/open?access=abc.def');
        expect(out.html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${locale}">`));
        expect(out.html).toContain('background:#1f6f5b');
        expect(out.html).toContain('href="http://localhost:3000/orders/8b1c/open?access=abc.def"');
      });
    }
  }

  it('order_confirmation lists the lines with the discount, the totals with VAT and the pickup store', async () => {
    const out = await renderNotification('order_confirmation', 'nl', SAMPLES.order_confirmation, ctx);
    const text = plain(out.text);
    expect(text).toContain('2 × Trail Runner (42 · Black · TR-42-BLK): € 90,00');
    expect(text).toContain('  Spring sale: −€ 10,00');
    expect(text).toContain('Totaal: € 90,00');
    expect(text).toContain('waarvan btw € 15,62');
    expect(text).toContain('Ophalen bij:\nOmnishop Amsterdam Kalverstraat\nKalverstraat 112\n1012 PK Amsterdam');
    // A customer's confirmation (no guest link) points to the account instead.
    const customer = await renderNotification('order_confirmation', 'en', { ...SAMPLES.order_confirmation, guestLinkExpiresAt: null }, ctx);
    expect(customer.text).toContain('You can also find your order in your account.');
  });

  it('ready_for_pickup carries the QR code as an inline PNG (cid) and today’s opening hours at sending', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-05T08:00:00Z')); // Tuesday 10:00 in Amsterdam
    const out = await renderNotification('ready_for_pickup', 'en', SAMPLES.ready_for_pickup, ctx);
    expect(out.attachments).toHaveLength(1);
    const [qr] = out.attachments!;
    expect(qr).toMatchObject({ contentType: 'image/png', cid: PICKUP_QR_CID, filename: 'pickup-code.png' });
    expect(qr.content.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(out.html).toContain(`src="cid:${PICKUP_QR_CID}"`);
    expect(out.html).toContain('alt="QR code of pickup code K7M2QX"');
    expect(out.text).toContain('Open today: 09:00–12:00, 13:00–17:30');
    expect(out.text).toContain('Kalverstraat 112\n1012 PK Amsterdam\n+31 20 555 0101');
    expect(out.sms).toBe('Omnishop: order W-100042 is ready at Omnishop Amsterdam Kalverstraat, Kalverstraat 112, Amsterdam. Pickup code: K7M2QX. Open today 09:00-12:00, 13:00-17:30.');

    vi.setSystemTime(new Date('2026-05-03T10:00:00Z')); // Sunday
    const nl = await renderNotification('ready_for_pickup', 'nl', SAMPLES.ready_for_pickup, ctx);
    expect(nl.text).toContain('Vandaag gesloten');
    expect(nl.sms).toContain('Ophaalcode: K7M2QX. Vandaag gesloten.');
  });

  it('every SMS fits one GSM-7 segment, also with long store names', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-05T08:00:00Z'));
    const longStore = { ...STORE, name: 'Omnishop Experience Store and Repair Workshop Amsterdam Centraal Station Noord', street: 'Stationsplein Oostzijde 100-102 (ingang naast de fietsenstalling)' };
    const payloads: [string, Record<string, unknown>][] = [
      ['ready_for_pickup', { ...SAMPLES.ready_for_pickup, store: longStore }],
      ['ready_for_pickup', SAMPLES.ready_for_pickup],
      ['shipped', SAMPLES.shipped],
      ['shipped', { ...SAMPLES.shipped, trackingUrl: `https://track.example.com/${'x'.repeat(200)}` }],
      ['cancelled', SAMPLES.cancelled],
    ];
    for (const [key, payload] of payloads) {
      for (const locale of ['nl', 'en'] as const) {
        const { sms } = await renderNotification(key, locale, payload, ctx);
        expect(sms).toBeDefined();
        expect(sms!.length).toBeLessThanOrEqual(160);
        expect(sms).toMatch(/^[\x20-\x7e]+$/); // plain ASCII: no character that forces UCS-2
        expect(sms).toContain('W-100042');
      }
    }
    const long = await renderNotification('ready_for_pickup', 'nl', { ...SAMPLES.ready_for_pickup, store: longStore }, ctx);
    expect(long.sms).toContain('Ophaalcode: K7M2QX');
    // A tracking link that does not fit is left out, never cut.
    const shipped = await renderNotification('shipped', 'en', { ...SAMPLES.shipped, trackingUrl: `https://track.example.com/${'x'.repeat(200)}` }, ctx);
    expect(shipped.sms).toBe('Omnishop: your order W-100042 is on its way.');
    expect(fitSms('x'.repeat(200))).toHaveLength(160);
  });

  it('escapes what the payload brings, and refuses payloads that do not fit', async () => {
    const out = await renderNotification('cancelled', 'en', { ...SAMPLES.cancelled, name: EVIL, orderNumber: '<b>W-1</b>' }, ctx);
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.html).toContain('&lt;b&gt;W-1&lt;/b&gt;');
    for (const [key, payload] of [
      ['ready_for_pickup', { ...SAMPLES.ready_for_pickup, pickupCode: 'abc"><img' }],
      ['shipped', { ...SAMPLES.shipped, trackingUrl: 'javascript:alert(1)' }],
      ['cancelled', { ...SAMPLES.cancelled, link: 'javascript:alert(1)' }],
      ['payment_received', { ...SAMPLES.payment_received, extra: true }],
    ] as const) {
      await expect(renderNotification(key, 'nl', payload, ctx)).rejects.toBeInstanceOf(PermanentDeliveryError);
    }
  });
});
