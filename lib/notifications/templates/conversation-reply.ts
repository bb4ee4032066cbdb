import { z } from 'zod';
import { button, emailLayout, fill, html, linkField, linkUrl, paragraph, quote } from './layout';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Je hebt een antwoord van de winkel',
    greeting: 'Hallo {name},',
    body: 'We hebben op je bericht gereageerd:',
    action: 'Lees en beantwoord',
    sms: 'Omnishop heeft je bericht beantwoord: {link}',
  },
  en: {
    subject: 'You have a reply from the shop',
    greeting: 'Hello {name},',
    body: 'We replied to your message:',
    action: 'Read and reply',
    sms: 'Omnishop replied to your message: {link}',
  },
};

const EXCERPT_MAX = 500;

/** Staff replied in a conversation thread: the start of the reply and a link to the thread. */
export const conversationReply = defineTemplate({
  key: 'conversation_reply',
  payload: z
    .object({
      customerName: z.string().min(1).max(200),
      excerpt: z.string().max(5000),
      link: linkField,
    })
    .strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.link);
    const excerpt = p.excerpt.length > EXCERPT_MAX ? `${p.excerpt.slice(0, EXCERPT_MAX).trimEnd()}…` : p.excerpt;
    const greeting = fill(s.greeting, { name: p.customerName });
    return {
      subject: s.subject,
      text: [greeting, '', s.body, '', ...excerpt.split(/\r?\n/).map((l) => `> ${l}`), '', `${s.action}: ${url}`].join('\n'),
      html: emailLayout({
        locale,
        title: s.subject,
        preheader: excerpt.slice(0, 120),
        body: html`${paragraph(greeting)}${paragraph(s.body)}${quote(excerpt)}${button(s.action, url)}`,
      }),
      sms: fill(s.sms, { link: url }),
    };
  },
});
