import { z } from 'zod';
import { button, emailLayout, fill, html, linkUrl } from './layout';
import { greeting, invoiceAttachment, invoiceRefSchema, numbersParagraph, orderMessageBase, paragraph, small } from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Je factuur voor bestelling {number}',
    body: 'Je hebt bestelling {number} opgehaald bij {store}. Veel plezier ermee!',
    bodyNoStore: 'Je hebt bestelling {number} opgehaald. Veel plezier ermee!',
    invoice: 'Je factuur {invoice} zit als pdf in de bijlage.',
    action: 'Bekijk je bestelling',
    keep: 'Bewaar de factuur voor je garantie.',
  },
  en: {
    subject: 'Your invoice for order {number}',
    body: 'You collected order {number} at {store}. Enjoy!',
    bodyNoStore: 'You collected order {number}. Enjoy!',
    invoice: 'Your invoice {invoice} is attached as a PDF.',
    action: 'View your order',
    keep: 'Keep the invoice for your warranty.',
  },
};

/** A pickup was handed over: thanks, and the final invoice attached as a PDF (made when sending). */
export const collected = defineTemplate({
  key: 'collected',
  payload: z.object({ ...orderMessageBase, invoice: invoiceRefSchema, storeName: z.string().max(200).nullable() }).strict(),
  async render(p, ctx) {
    const s = STRINGS[ctx.locale];
    const url = linkUrl(p.link);
    const subject = fill(s.subject, { number: p.orderNumber });
    const body = p.storeName ? fill(s.body, { number: p.orderNumber, store: p.storeName }) : fill(s.bodyNoStore, { number: p.orderNumber });
    const invoice = fill(s.invoice, { invoice: p.invoice.number });
    const hello = greeting(p.name, ctx.locale);
    return {
      subject,
      text: [hello, '', body, invoice, s.keep, '', `${s.action}: ${url}`].join('\n'),
      html: emailLayout({
        locale: ctx.locale,
        title: subject,
        preheader: invoice,
        body: html`${paragraph(hello)}${p.storeName ? numbersParagraph(s.body, { number: p.orderNumber, store: p.storeName }) : numbersParagraph(s.bodyNoStore, { number: p.orderNumber })}${numbersParagraph(s.invoice, { invoice: p.invoice.number })}${button(s.action, url)}${small(s.keep)}`,
      }),
      attachments: [await invoiceAttachment(ctx, p.invoice)],
    };
  },
});
