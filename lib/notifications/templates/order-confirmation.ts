import { z } from 'zod';
import { button, emailLayout, fill, html, linkUrl } from './layout';
import {
  addressLines,
  addressSchema,
  greeting,
  infoBox,
  linesTable,
  linesText,
  longDate,
  orderMessageBase,
  orderSummarySchema,
  paragraph,
  small,
} from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'We hebben je bestelling {number} ontvangen',
    body: 'Bedankt voor je bestelling! Zodra je betaling binnen is, gaan we ermee aan de slag. Dit heb je besteld:',
    pickup: 'Ophalen bij',
    delivery: 'Bezorgen op',
    action: 'Bekijk je bestelling',
    guestLink: 'Met deze knop open je je bestelling in elke browser, tot {date}. Deel de link niet: wie hem heeft, kan je bestelling zien.',
    account: 'Je vindt je bestelling ook in je account.',
  },
  en: {
    subject: 'We received your order {number}',
    body: 'Thank you for your order! As soon as your payment is in, we will get started. This is what you ordered:',
    pickup: 'Pick up at',
    delivery: 'Delivery to',
    action: 'View your order',
    guestLink: 'This button opens your order in any browser until {date}. Do not share the link: whoever has it can see your order.',
    account: 'You can also find your order in your account.',
  },
};

/** A web order was placed: what was ordered, where it goes, and the way back to it (for a guest a signed link). */
export const orderConfirmation = defineTemplate({
  key: 'order_confirmation',
  payload: z
    .object({
      ...orderMessageBase,
      summary: orderSummarySchema,
      pickupStore: addressSchema.nullable(),
      shippingAddress: addressSchema.nullable(),
      /** Set for a guest: until when the signed link in `link` works. */
      guestLinkExpiresAt: z.iso.datetime().nullable(),
    })
    .strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.link);
    const subject = fill(s.subject, { number: p.orderNumber });
    const hello = greeting(p.name, locale);
    const where = p.pickupStore
      ? { title: s.pickup, lines: addressLines(p.pickupStore) }
      : p.shippingAddress
        ? { title: s.delivery, lines: addressLines(p.shippingAddress) }
        : null;
    const note = p.guestLinkExpiresAt ? fill(s.guestLink, { date: longDate(p.guestLinkExpiresAt, locale) }) : s.account;
    return {
      subject,
      text: [
        hello,
        '',
        s.body,
        '',
        ...linesText(p.summary, locale),
        ...(where ? ['', `${where.title}:`, ...where.lines] : []),
        '',
        `${s.action}: ${url}`,
        note,
      ].join('\n'),
      html: emailLayout({
        locale,
        title: subject,
        preheader: s.body,
        body: html`${paragraph(hello)}${paragraph(s.body)}${linesTable(p.summary, locale)}${where ? infoBox(where.title, where.lines) : ''}${button(s.action, url)}${small(note)}`,
      }),
    };
  },
});
