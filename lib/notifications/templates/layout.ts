import { z } from 'zod';
import type { Locale } from '@/lib/i18n/config';
import { publicBaseUrl } from '../config';
import { PermanentDeliveryError } from '../transports/types';

// The shared look of every email: simple table layout with inline styles (mail clients ignore <style>
// and classes), the shop's brand colour, a footer. Everything a payload brings is escaped: the `html`
// tag escapes each interpolated value unless it is already SafeHtml built by these helpers.

const BRAND = '#1f6f5b';
const SHOP_NAME = 'Omnishop';

/** HTML that these helpers built (its pieces escaped): interpolated as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** A tagged template: `html\`<p>${name}</p>\`` escapes `name`. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

/**
 * An absolute http(s) URL for a link: a path is resolved against the shop's address; anything else
 * (javascript:, data:, another scheme) is refused so a payload cannot smuggle a script link in.
 */
export function linkUrl(pathOrUrl: string, base = publicBaseUrl()): string {
  let url: URL;
  try {
    url = new URL(pathOrUrl, `${base}/`);
  } catch {
    throw new PermanentDeliveryError('Refusing a link that is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new PermanentDeliveryError(`Refusing a ${url.protocol} link in a message`);
  return url.toString();
}

/** A payload field for a link: an absolute http(s) URL or a path starting with one "/". */
export const linkField = z
  .string()
  .max(2000)
  .refine((v) => /^\/(?!\/)/.test(v) || /^https?:\/\//i.test(v), 'an http(s) URL or a path starting with /');

export function paragraph(text: string): SafeHtml {
  return html`<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1c1917">${text}</p>`;
}

/** A quoted excerpt (a customer's message), line breaks kept. */
export function quote(text: string): SafeHtml {
  const lines = text.split(/\r?\n/).map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`));
  return html`<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid ${BRAND};background:#f0f7f5;font-size:15px;line-height:22px;color:#44403c">${lines}</blockquote>`;
}

export function button(label: string, href: string): SafeHtml {
  return html`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:${BRAND};color:#ffffff;font-size:16px;font-weight:600;text-decoration:none">${label}</a></p>`;
}

const FOOTER: Record<Locale, string> = {
  nl: `Je ontvangt dit bericht van ${SHOP_NAME}.`,
  en: `You receive this message from ${SHOP_NAME}.`,
};

/** The whole document around a template's body. */
export function emailLayout(options: { locale: Locale; title: string; preheader?: string; body: SafeHtml }): string {
  const { locale, title, preheader, body } = options;
  return html`<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f5f5f4;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<div style="display:none;max-height:0;overflow:hidden">${preheader ?? ''}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f5f4;padding:24px 12px">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:16px;overflow:hidden">
<tr><td style="background:${BRAND};padding:20px 28px;color:#ffffff;font-size:20px;font-weight:700">${SHOP_NAME}</td></tr>
<tr><td style="padding:28px">
<h1 style="margin:0 0 20px;font-size:22px;line-height:30px;color:#1c1917">${title}</h1>
${body}
</td></tr>
<tr><td style="padding:16px 28px;border-top:1px solid #e7e5e4;font-size:13px;color:#78716c">${FOOTER[locale]}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`.value;
}

/** Fills `{name}` placeholders of a template-local string (plain text; escaping happens in `html`). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
