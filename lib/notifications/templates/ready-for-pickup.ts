import QRCode from 'qrcode';
import { z } from 'zod';
import { button, emailLayout, fill, html, linkUrl } from './layout';
import { codeBox, greeting, hoursOn, infoBox, orderMessageBase, paragraph, storeLines, storeSchema, todaysHours, fitSms } from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Je bestelling {number} ligt klaar',
    body: 'Goed nieuws: je bestelling ligt voor je klaar in {store}. Laat bij de kassa je ophaalcode of de QR-code zien.',
    code: 'Ophaalcode',
    hint: 'De medewerker scant de QR-code of typt de code over.',
    qrAlt: 'QR-code van ophaalcode {code}',
    store: 'Ophalen bij',
    action: 'Bekijk je bestelling',
    sms: 'Omnishop: bestelling {number} ligt klaar bij {store}',
    smsCode: 'Ophaalcode: {code}',
    smsToday: 'Vandaag open {hours}',
    smsClosed: 'Vandaag gesloten',
  },
  en: {
    subject: 'Your order {number} is ready for pickup',
    body: 'Good news: your order is ready for you at {store}. Show your pickup code or the QR code at the counter.',
    code: 'Pickup code',
    hint: 'The clerk scans the QR code or types the code.',
    qrAlt: 'QR code of pickup code {code}',
    store: 'Pick up at',
    action: 'View your order',
    sms: 'Omnishop: order {number} is ready at {store}',
    smsCode: 'Pickup code: {code}',
    smsToday: 'Open today {hours}',
    smsClosed: 'Closed today',
  },
};

/** Inline images are referred to by Content-ID: shown by Gmail, Outlook and Apple Mail, unlike data: URIs. */
export const PICKUP_QR_CID = 'pickup-code@omnishop';

/**
 * A pickup is ready: the code (large, and as a QR image the counter can scan), the store's address and
 * today's opening hours as of sending. SMS: the same essentials in one segment.
 */
export const readyForPickup = defineTemplate({
  key: 'ready_for_pickup',
  payload: z
    .object({
      ...orderMessageBase,
      pickupCode: z.string().regex(/^[A-Z0-9]{4,16}$/),
      store: storeSchema,
    })
    .strict(),
  async render(p, { locale }) {
    const s = STRINGS[locale];
    const now = new Date();
    const url = linkUrl(p.link);
    const subject = fill(s.subject, { number: p.orderNumber });
    const body = fill(s.body, { store: p.store.name });
    const hello = greeting(p.name, locale);
    const today = todaysHours(p.store, now, locale);
    const qr = await QRCode.toBuffer(p.pickupCode, { type: 'png', width: 240, margin: 1, errorCorrectionLevel: 'M' });
    const qrAlt = fill(s.qrAlt, { code: p.pickupCode });

    const smsHours = hoursOn(p.store, now, '-');
    const head = fill(s.sms, { number: p.orderNumber, store: p.store.name });
    const code = fill(s.smsCode, { code: p.pickupCode });
    const hours = smsHours ? fill(s.smsToday, { hours: smsHours }) : s.smsClosed;
    const address = `${p.store.street}, ${p.store.city}`;
    return {
      subject,
      text: [hello, '', body, '', `${s.code}: ${p.pickupCode}`, '', `${s.store}:`, ...storeLines(p.store), today, '', `${s.action}: ${url}`].join('\n'),
      html: emailLayout({
        locale,
        title: subject,
        preheader: `${s.code}: ${p.pickupCode}`,
        body: html`${paragraph(hello)}${paragraph(body)}${codeBox(s.code, p.pickupCode, { cid: PICKUP_QR_CID, alt: qrAlt }, s.hint)}${infoBox(s.store, [...storeLines(p.store), html`<strong>${today}</strong>`])}${button(s.action, url)}`,
      }),
      sms: fitSms(
        `${head}, ${address}. ${code}. ${hours}.`,
        `${head}. ${code}. ${hours}.`,
        `${head}. ${code}.`,
        `Omnishop: ${p.orderNumber}. ${code}.`,
      ),
      attachments: [{ filename: locale === 'nl' ? 'ophaalcode.png' : 'pickup-code.png', content: qr, contentType: 'image/png', cid: PICKUP_QR_CID }],
    };
  },
});
