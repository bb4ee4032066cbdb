import { z } from 'zod';
import { button, emailLayout, fill, html, linkField, linkUrl, paragraph } from './layout';
import { defineTemplate } from './types';

const STRINGS = {
  nl: {
    subject: 'Bevestig je e-mailadres',
    greeting: 'Hallo {name},',
    body: 'Welkom bij Omnishop! Bevestig met de knop hieronder dat dit je e-mailadres is. De link werkt 24 uur; open hem terwijl je bent ingelogd.',
    claim: 'We kennen dit adres al van eerdere aankopen in onze winkels of webshop. Na het bevestigen staan die bestellingen en je punten in je account.',
    action: 'E-mailadres bevestigen',
    ignore: 'Heb je geen account aangemaakt? Dan kun je dit bericht negeren: er wordt niets gekoppeld.',
  },
  en: {
    subject: 'Confirm your email address',
    greeting: 'Hello {name},',
    body: 'Welcome to Omnishop! Confirm that this is your email address with the button below. The link works for 24 hours; open it while signed in.',
    claim: 'We already know this address from earlier purchases in our stores or webshop. Once you confirm, those orders and your points are in your account.',
    action: 'Confirm email address',
    ignore: 'Did not create an account? Then ignore this message: nothing will be linked.',
  },
};

/**
 * The sign-up's verification link (also "Send again" on the account page). `claim`: confirming also
 * brings an existing profile's history into the account (see verifyEmailToken), so the mail says so.
 */
export const verifyEmail = defineTemplate({
  key: 'verify_email',
  payload: z
    .object({
      name: z.string().min(1).max(200),
      link: linkField,
      claim: z.boolean(),
    })
    .strict(),
  render(p, { locale }) {
    const s = STRINGS[locale];
    const url = linkUrl(p.link);
    const greeting = fill(s.greeting, { name: p.name });
    const lines = p.claim ? [s.body, s.claim] : [s.body];
    return {
      subject: s.subject,
      text: [greeting, '', ...lines.flatMap((l) => [l, '']), `${s.action}: ${url}`, '', s.ignore].join('\n'),
      html: emailLayout({
        locale,
        title: s.subject,
        preheader: s.body,
        body: html`${paragraph(greeting)}${lines.map((l) => paragraph(l))}${button(s.action, url)}${paragraph(s.ignore)}`,
      }),
      sms: `${s.subject}: ${url}`,
    };
  },
});
