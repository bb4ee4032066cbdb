import { z } from 'zod';
import { button, emailLayout, fill, html, linkUrl } from './layout';
import { addressLines, addressSchema, fitSms, greeting, infoBox, invoiceAttachment, invoiceRefSchema, numbersParagraph, orderMessageBase, paragraph, small, textLink } from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Je bestelling {number} is onderweg',
    body: 'Je bestelling {number} is verzonden.',
    to: 'Bezorgen op',
    parcel: 'Je pakket',
    carrier: 'Vervoerder: {carrier}',
    trackingNumber: 'Trackingnummer: {number}',
    track: 'Volg je pakket',
    trackText: 'Volg je pakket: {url}',
    action: 'Bekijk je bestelling',
    invoice: 'Je factuur {invoice} zit als pdf in de bijlage.',
    sms: 'Omnishop: je bestelling {number} is onderweg.',
    smsParcel: '{carrier} {tracking}.',
    smsTrack: 'Volg je pakket: {url}',
  },
  en: {
    subject: 'Your order {number} is on its way',
    body: 'Your order {number} has been shipped.',
    to: 'Delivery to',
    parcel: 'Your parcel',
    carrier: 'Carrier: {carrier}',
    trackingNumber: 'Tracking number: {number}',
    track: 'Track your parcel',
    trackText: 'Track your parcel: {url}',
    action: 'View your order',
    invoice: 'Your invoice {invoice} is attached as a PDF.',
    sms: 'Omnishop: your order {number} is on its way.',
    smsParcel: '{carrier} {tracking}.',
    smsTrack: 'Track it: {url}',
  },
};

/**
 * A delivery left the warehouse: carrier and tracking number, the tracking link when the carrier is
 * known (or the clerk pasted one), and the invoice attached.
 */
export const shipped = defineTemplate({
  key: 'shipped',
  payload: z
    .object({
      ...orderMessageBase,
      shippingAddress: addressSchema.nullable(),
      trackingUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
      // Set by the admin's "Mark shipped"; optional so messages queued before they existed still send.
      carrier: z.string().trim().min(1).max(40).nullable().optional(),
      trackingNumber: z.string().regex(/^[A-Za-z0-9-]{1,60}$/).nullable().optional(),
      invoice: invoiceRefSchema.nullable(),
    })
    .strict(),
  async render(p, ctx) {
    const s = STRINGS[ctx.locale];
    const url = linkUrl(p.link);
    const tracking = p.trackingUrl ? linkUrl(p.trackingUrl) : null;
    const subject = fill(s.subject, { number: p.orderNumber });
    const body = fill(s.body, { number: p.orderNumber });
    const invoice = p.invoice ? fill(s.invoice, { invoice: p.invoice.number }) : null;
    const hello = greeting(p.name, ctx.locale);
    const sms = fill(s.sms, { number: p.orderNumber });
    const parcel = [
      ...(p.carrier ? [fill(s.carrier, { carrier: p.carrier })] : []),
      ...(p.trackingNumber ? [fill(s.trackingNumber, { number: p.trackingNumber })] : []),
    ];
    const smsParcel = p.carrier && p.trackingNumber ? `${sms} ${fill(s.smsParcel, { carrier: p.carrier, tracking: p.trackingNumber })}` : null;
    return {
      subject,
      text: [
        hello,
        '',
        body,
        ...parcel,
        ...(tracking ? [fill(s.trackText, { url: tracking })] : []),
        ...(p.shippingAddress ? ['', `${s.to}:`, ...addressLines(p.shippingAddress)] : []),
        '',
        `${s.action}: ${url}`,
        ...(invoice ? [invoice] : []),
      ].join('\n'),
      html: emailLayout({
        locale: ctx.locale,
        title: subject,
        preheader: body,
        body: html`${paragraph(hello)}${numbersParagraph(s.body, { number: p.orderNumber })}${parcel.length > 0 ? infoBox(s.parcel, parcel) : ''}${tracking ? button(s.track, tracking) : ''}${p.shippingAddress ? infoBox(s.to, addressLines(p.shippingAddress)) : ''}${tracking ? textLink(s.action, url) : button(s.action, url)}${invoice ? small(invoice) : ''}`,
      }),
      // A tracking link too long for one segment is left out rather than cut (a cut link is useless).
      sms: fitSms(
        ...(tracking ? [`${smsParcel ?? sms} ${fill(s.smsTrack, { url: tracking })}`, `${sms} ${fill(s.smsTrack, { url: tracking })}`] : []),
        ...(smsParcel ? [smsParcel] : []),
        sms,
      ),
      attachments: p.invoice ? [await invoiceAttachment(ctx, p.invoice)] : [],
    };
  },
});
