import { z } from 'zod';
import { button, emailLayout, fill, html, linkField, linkUrl, paragraph } from './layout';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Je account bij Omnishop: kies je wachtwoord',
    greeting: 'Hallo {name},',
    body: 'Er is een account voor je gemaakt om de winkel te helpen runnen. Met de knop hieronder kies je je wachtwoord; daarna meld je je aan met dit e-mailadres. De link werkt één keer en {minutes} minuten.',
    action: 'Wachtwoord kiezen',
    expired: 'Verlopen? Vraag een beheerder om een nieuwe link.',
  },
  en: {
    subject: 'Your Omnishop account: choose your password',
    greeting: 'Hello {name},',
    body: 'An account was made for you to help run the shop. Choose your password with the button below, then sign in with this email address. The link works once, for {minutes} minutes.',
    action: 'Choose your password',
    expired: 'Expired? Ask an admin for a new link.',
  },
};

/** A new staff member's one-time link to choose their password (an admin never sets or sees it). */
export const staffInvite = defineTemplate({
  key: 'staff_invite',
  payload: z
    .object({
      name: z.string().max(200),
      resetUrl: linkField,
      expiresInMinutes: z.number().int().positive().max(10_080),
    })
    .strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.resetUrl);
    const greeting = fill(s.greeting, { name: p.name });
    const body = fill(s.body, { minutes: p.expiresInMinutes });
    return {
      subject: s.subject,
      text: [greeting, '', body, '', `${s.action}: ${url}`, '', s.expired].join('\n'),
      html: emailLayout({
        locale,
        title: s.subject,
        preheader: body,
        body: html`${paragraph(greeting)}${paragraph(body)}${button(s.action, url)}${paragraph(s.expired)}`,
      }),
      sms: `${s.subject}: ${url}`,
    };
  },
});
