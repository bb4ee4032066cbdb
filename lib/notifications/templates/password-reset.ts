import { z } from 'zod';
import { button, emailLayout, fill, html, linkField, linkUrl, paragraph } from './layout';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Stel je wachtwoord opnieuw in',
    greeting: 'Hallo {name},',
    greetingAnonymous: 'Hallo,',
    body: 'Iemand (hopelijk jij) vroeg om een nieuw wachtwoord voor je account. Met de knop hieronder kies je er een. De link werkt {minutes} minuten.',
    action: 'Nieuw wachtwoord kiezen',
    ignore: 'Heb je dit niet gevraagd? Dan kun je dit bericht negeren: je wachtwoord blijft hetzelfde.',
  },
  en: {
    subject: 'Reset your password',
    greeting: 'Hello {name},',
    greetingAnonymous: 'Hello,',
    body: 'Someone (hopefully you) asked for a new password for your account. Choose one with the button below. The link works for {minutes} minutes.',
    action: 'Choose a new password',
    ignore: 'Did not ask for this? Then ignore this message: your password stays the same.',
  },
};

/** The link to choose a new password; the token in it is the secret, so the message holds nothing else. */
export const passwordReset = defineTemplate({
  key: 'password_reset',
  payload: z
    .object({
      name: z.string().max(200).optional(),
      resetUrl: linkField,
      expiresInMinutes: z.number().int().positive().max(10_080),
    })
    .strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.resetUrl);
    const greeting = p.name ? fill(s.greeting, { name: p.name }) : s.greetingAnonymous;
    const body = fill(s.body, { minutes: p.expiresInMinutes });
    return {
      subject: s.subject,
      text: [greeting, '', body, '', `${s.action}: ${url}`, '', s.ignore].join('\n'),
      html: emailLayout({
        locale,
        title: s.subject,
        preheader: body,
        body: html`${paragraph(greeting)}${paragraph(body)}${button(s.action, url)}${paragraph(s.ignore)}`,
      }),
      sms: `${s.subject}: ${url}`,
    };
  },
});
