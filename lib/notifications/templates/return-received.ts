import { z } from 'zod';
import { button, emailLayout, fill, html, linkUrl } from './layout';
import { greeting, money, numbersParagraph, orderMessageBase, paragraph } from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Retour {rma} ontvangen',
    body: 'We hebben je retour {rma} van bestelling {number} ontvangen.',
    amount: 'Je krijgt {amount} terug; je hoort het zodra het bedrag is teruggestort.',
    noAmount: 'Je hoort van ons zodra de retour is afgehandeld.',
    action: 'Bekijk je bestelling',
  },
  en: {
    subject: 'Return {rma} received',
    body: 'We have received your return {rma} of order {number}.',
    amount: 'You get {amount} back; we will let you know as soon as it is refunded.',
    noAmount: 'We will let you know as soon as the return is handled.',
    action: 'View your order',
  },
};

/** A return arrived (at a counter or the warehouse): the RMA, the order, what comes back. */
export const returnReceived = defineTemplate({
  key: 'return_received',
  payload: z
    .object({
      ...orderMessageBase,
      returnNumber: z.string().min(1).max(40),
      amountCents: z.number().int().min(0).max(1_000_000_000),
    })
    .strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.link);
    const values = { rma: p.returnNumber, number: p.orderNumber };
    const subject = fill(s.subject, values);
    const body = fill(s.body, values);
    const next = p.amountCents > 0 ? fill(s.amount, { amount: money(p.amountCents, locale) }) : s.noAmount;
    const hello = greeting(p.name, locale);
    return {
      subject,
      text: [hello, '', body, next, '', `${s.action}: ${url}`].join('\n'),
      html: emailLayout({ locale, title: subject, preheader: body, body: html`${paragraph(hello)}${numbersParagraph(s.body, values)}${paragraph(next)}${button(s.action, url)}` }),
    };
  },
});
