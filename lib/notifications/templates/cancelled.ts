import { z } from 'zod';
import { button, emailLayout, fill, html, linkUrl } from './layout';
import { fitSms, greeting, numbersParagraph, orderMessageBase, paragraph } from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Je bestelling {number} is geannuleerd',
    body: 'We hebben bestelling {number} geannuleerd.',
    refund: 'Je had al betaald: we storten het bedrag terug op de rekening waarmee je betaalde. Dat kan een paar werkdagen duren.',
    noCharge: 'Je hebt niets betaald, dus er wordt ook niets afgeschreven.',
    questions: 'Vragen? Stuur ons een bericht via je bestelling.',
    action: 'Bekijk je bestelling',
    sms: 'Omnishop: je bestelling {number} is geannuleerd.',
    smsRefund: 'We storten je betaling terug.',
  },
  en: {
    subject: 'Your order {number} has been cancelled',
    body: 'We cancelled order {number}.',
    refund: 'You had already paid: we will refund the amount to the account you paid with. That can take a few working days.',
    noCharge: 'You did not pay anything, so nothing will be charged.',
    questions: 'Questions? Send us a message from your order.',
    action: 'View your order',
    sms: 'Omnishop: your order {number} has been cancelled.',
    smsRefund: 'We will refund your payment.',
  },
};

/** An order was cancelled: whether money comes back, and where to ask. */
export const cancelled = defineTemplate({
  key: 'cancelled',
  payload: z.object({ ...orderMessageBase, refund: z.boolean() }).strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.link);
    const subject = fill(s.subject, { number: p.orderNumber });
    const body = fill(s.body, { number: p.orderNumber });
    const money = p.refund ? s.refund : s.noCharge;
    const hello = greeting(p.name, locale);
    const sms = fill(s.sms, { number: p.orderNumber });
    return {
      subject,
      text: [hello, '', body, money, '', s.questions, `${s.action}: ${url}`].join('\n'),
      html: emailLayout({
        locale,
        title: subject,
        preheader: body,
        body: html`${paragraph(hello)}${numbersParagraph(s.body, { number: p.orderNumber })}${paragraph(money)}${paragraph(s.questions)}${button(s.action, url)}`,
      }),
      sms: fitSms(p.refund ? `${sms} ${s.smsRefund}` : sms, sms),
    };
  },
});
