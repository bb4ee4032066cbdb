import { z } from 'zod';
import { button, emailLayout, fill, linkField, linkUrl, html } from './layout';
import { greeting, orderMessageBase, paragraph, small } from './order-parts';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Hoe tevreden ben je over bestelling {number}?',
    body: 'Bedankt voor je aankoop. Hoe tevreden ben je erover? Eén vraag, een paar seconden.',
    action: 'Geef je mening',
    once: 'Je kunt één keer antwoorden; je antwoord helpt ons beter te worden.',
  },
  en: {
    subject: 'How satisfied are you with order {number}?',
    body: 'Thank you for your purchase. How satisfied are you with it? One question, a few seconds.',
    action: 'Give your opinion',
    once: 'You can answer once; your answer helps us do better.',
  },
};

/** After an order completes (delivered, collected, sold at the counter): the one-question survey (S12). */
export const satisfactionSurvey = defineTemplate({
  key: 'satisfaction_survey',
  // `surveyLink` carries the order's signed survey token (lib/insight/satisfaction-token.ts).
  payload: z.object({ ...orderMessageBase, surveyLink: linkField }).strict(),
  render(p, ctx) {
    const s = STRINGS[ctx.locale];
    const url = linkUrl(p.surveyLink);
    const subject = fill(s.subject, { number: p.orderNumber });
    const hello = greeting(p.name, ctx.locale);
    return {
      subject,
      text: [hello, '', s.body, '', `${s.action}: ${url}`, '', s.once].join('\n'),
      html: emailLayout({
        locale: ctx.locale,
        title: subject,
        preheader: s.body,
        body: html`${paragraph(hello)}${paragraph(s.body)}${button(s.action, url)}${small(s.once)}`,
      }),
    };
  },
});
