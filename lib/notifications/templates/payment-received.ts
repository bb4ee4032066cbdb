import { z } from 'zod';
import { button, emailLayout, fill, html, linkUrl } from './layout';
import { greeting, money, numbersParagraph, orderMessageBase, paragraph, PAYMENT_METHODS } from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Betaling ontvangen voor bestelling {number}',
    body: 'We hebben {amount} ontvangen voor bestelling {number} ({method}). Dank je wel!',
    pickup: 'We pakken je bestelling nu in. Zodra hij klaarligt, krijg je een bericht met je ophaalcode.',
    delivery: 'We pakken je bestelling nu in en laten je weten wanneer hij onderweg is.',
    action: 'Bekijk je bestelling',
  },
  en: {
    subject: 'Payment received for order {number}',
    body: 'We received {amount} for order {number} ({method}). Thank you!',
    pickup: 'We are packing your order now. As soon as it is ready, you will get a message with your pickup code.',
    delivery: 'We are packing your order now and will let you know when it is on its way.',
    action: 'View your order',
  },
};

/** A web order was paid (online, or at the counter before pickup): the amount and what happens next. */
export const paymentReceived = defineTemplate({
  key: 'payment_received',
  payload: z
    .object({
      ...orderMessageBase,
      amountCents: z.number().int().min(0).max(1_000_000_000),
      method: z.enum(['test_provider', 'cash', 'card_terminal']),
      fulfilment: z.enum(['delivery', 'pickup']),
    })
    .strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.link);
    const subject = fill(s.subject, { number: p.orderNumber });
    const body = fill(s.body, { amount: money(p.amountCents, locale), number: p.orderNumber, method: PAYMENT_METHODS[locale][p.method] });
    const next = p.fulfilment === 'pickup' ? s.pickup : s.delivery;
    const hello = greeting(p.name, locale);
    return {
      subject,
      text: [hello, '', body, next, '', `${s.action}: ${url}`].join('\n'),
      html: emailLayout({ locale, title: subject, preheader: body, body: html`${paragraph(hello)}${numbersParagraph(s.body, { amount: money(p.amountCents, locale), number: p.orderNumber, method: PAYMENT_METHODS[locale][p.method] })}${paragraph(next)}${button(s.action, url)}` }),
    };
  },
});
