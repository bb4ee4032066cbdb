import { z } from 'zod';
import type { Locale } from '@/lib/i18n/config';
import { button, emailLayout, fill, html, linkUrl } from './layout';
import { greeting, money, numbersParagraph, orderMessageBase, paragraph } from './order-parts';
import { defineTemplate } from './types';

// Where the money went: a refund destination (counter/admin choice) or the payment method it went back to.
const METHODS: Record<Locale, Record<string, string>> = {
  nl: {
    original: 'je oorspronkelijke betaalwijze',
    test_provider: 'je online betaling',
    mollie: 'je online betaling',
    cash: 'contant',
    card_terminal: 'je pinpas',
    store_credit: 'winkeltegoed',
    loyalty_points: 'spaarpunten',
  },
  en: {
    original: 'your original payment method',
    test_provider: 'your online payment',
    mollie: 'your online payment',
    cash: 'cash',
    card_terminal: 'your card',
    store_credit: 'store credit',
    loyalty_points: 'loyalty points',
  },
};

const STRINGS = {
  nl: {
    subject: 'Terugbetaling voor retour {rma}',
    body: 'We hebben {amount} terugbetaald voor retour {rma} van bestelling {number}, via {method}.',
    storeCredit: 'Je tegoed kun je in elke winkel en in de webshop besteden.',
    action: 'Bekijk je bestelling',
  },
  en: {
    subject: 'Refund for return {rma}',
    body: 'We refunded {amount} for return {rma} of order {number}, to {method}.',
    storeCredit: 'You can spend your store credit in every store and in the webshop.',
    action: 'View your order',
  },
};

/** A refund was given for a return: how much, for which RMA and order, and where it went. */
export const refundIssued = defineTemplate({
  key: 'refund_issued',
  payload: z
    .object({
      ...orderMessageBase,
      returnNumber: z.string().min(1).max(40),
      amountCents: z.number().int().min(0).max(1_000_000_000),
      method: z.enum(['original', 'test_provider', 'mollie', 'cash', 'card_terminal', 'store_credit', 'loyalty_points']),
    })
    .strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.link);
    const values = { amount: money(p.amountCents, locale), rma: p.returnNumber, number: p.orderNumber, method: METHODS[locale][p.method] };
    const subject = fill(s.subject, values);
    const body = fill(s.body, values);
    const hello = greeting(p.name, locale);
    const extra = p.method === 'store_credit' ? s.storeCredit : null;
    return {
      subject,
      text: [hello, '', body, ...(extra ? [extra] : []), '', `${s.action}: ${url}`].join('\n'),
      html: emailLayout({
        locale,
        title: subject,
        preheader: body,
        body: html`${paragraph(hello)}${numbersParagraph(s.body, values)}${extra ? paragraph(extra) : ''}${button(s.action, url)}`,
      }),
    };
  },
});
