import { z } from 'zod';
import { emailLayout, fill, html, linkUrl } from './layout';
import {
  greeting,
  invoiceAttachment,
  invoiceRefSchema,
  linesTable,
  linesText,
  orderMessageBase,
  orderSummarySchema,
  numbersParagraph,
  paragraph,
  PAYMENT_METHODS,
  small,
  textLink,
} from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Je aankoop bij {store}: bon en factuur',
    body: 'Bedankt voor je aankoop bij {store}. Dit is je bon van {number}:',
    paid: 'Betaald met: {method}',
    invoice: 'Je factuur {invoice} zit als pdf in de bijlage. Bewaar hem voor je garantie.',
    action: 'Bekijk je aankoop',
  },
  en: {
    subject: 'Your purchase at {store}: receipt and invoice',
    body: 'Thank you for shopping at {store}. This is your receipt for {number}:',
    paid: 'Paid with: {method}',
    invoice: 'Your invoice {invoice} is attached as a PDF. Keep it for your warranty.',
    action: 'View your purchase',
  },
};

/** A counter sale to a known customer with an email address: the receipt, and the invoice attached. */
export const counterReceipt = defineTemplate({
  key: 'counter_receipt',
  payload: z
    .object({
      ...orderMessageBase,
      storeName: z.string().min(1).max(200),
      summary: orderSummarySchema,
      paymentMethod: z.enum(['cash', 'card_terminal']).nullable(),
      invoice: invoiceRefSchema,
    })
    .strict(),
  async render(p, ctx) {
    const { locale } = ctx;
    const s = STRINGS[locale];
    const subject = fill(s.subject, { store: p.storeName });
    const body = fill(s.body, { store: p.storeName, number: p.orderNumber });
    const paid = p.paymentMethod ? fill(s.paid, { method: PAYMENT_METHODS[locale][p.paymentMethod] }) : null;
    const invoice = fill(s.invoice, { invoice: p.invoice.number });
    const hello = greeting(p.name, locale);
    const url = linkUrl(p.link);
    return {
      subject,
      text: [hello, '', body, '', ...linesText(p.summary, locale), ...(paid ? ['', paid] : []), '', invoice, `${s.action}: ${url}`].join('\n'),
      html: emailLayout({
        locale,
        title: subject,
        preheader: body,
        body: html`${paragraph(hello)}${numbersParagraph(s.body, { store: p.storeName, number: p.orderNumber })}${linesTable(p.summary, locale)}${paid ? paragraph(paid) : ''}${textLink(s.action, url)}${small(invoice)}`,
      }),
      attachments: [await invoiceAttachment(ctx, p.invoice)],
    };
  },
});
