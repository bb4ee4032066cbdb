import { z } from 'zod';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { invoiceFileName, renderInvoicePdf } from '@/lib/invoices/invoice-pdf';
import type { IsoWeekday } from '@/lib/locations/opening-hours';
import { storeClock } from '@/lib/locations/opening-hours';
import { fill, html, linkField, paragraph, type SafeHtml } from './layout';
import type { NotificationAttachment, RenderContext } from './types';

// The pieces every order message shares: payload schemas, the lines-and-totals table, address and
// code boxes, and the invoice attachment. Payloads are snapshots taken when the event happened
// (lib/order-messages builds them); only the invoice PDF is made at send time.

const cents = z.number().int().min(0).max(1_000_000_000);
const line = (max: number) => z.string().max(max);

export const orderLineSchema = z
  .object({
    name: line(300),
    /** Size · colour in the recipient's language, and the SKU. */
    variant: line(300),
    quantity: z.number().int().positive().max(100_000),
    totalCents: cents,
    discountCents: cents,
    promotion: line(200).nullable(),
  })
  .strict();

export const addressSchema = z.object({ name: line(200), street: line(200), postcode: line(20), city: line(100) }).strict();

const hoursSchema = z.array(z.tuple([z.string().regex(/^\d{2}:\d{2}$/), z.string().regex(/^\d{2}:\d{2}$/)])).max(6);

export const storeSchema = z
  .object({
    name: line(200),
    street: line(200),
    postcode: line(20),
    city: line(100),
    phone: line(40).nullable(),
    /** ISO weekday → [open, close] ranges: "today" is worked out when the message is sent. */
    openingHours: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), hoursSchema),
  })
  .strict();

/** What every order message carries: whom it greets, which order, and a link to it. */
export const orderMessageBase = {
  orderNumber: line(40).min(1),
  name: line(200).nullable(),
  /** The order page: for a guest a signed link that opens it in any browser. */
  link: linkField,
};

export const orderSummarySchema = z
  .object({
    fulfilment: z.enum(['delivery', 'pickup', 'in_store']),
    lines: z.array(orderLineSchema).max(500),
    subtotalCents: cents,
    discountCents: cents,
    shippingCents: cents,
    totalCents: cents,
    vatCents: cents,
  })
  .strict();

export const invoiceRefSchema = z.object({ id: z.number().int().positive(), number: line(40).min(1) }).strict();

export type OrderLinePayload = z.infer<typeof orderLineSchema>;
export type AddressPayload = z.infer<typeof addressSchema>;
export type StorePayload = z.infer<typeof storeSchema>;
export type OrderSummaryPayload = z.infer<typeof orderSummarySchema>;
export type InvoiceRefPayload = z.infer<typeof invoiceRefSchema>;

const WORDS = {
  nl: {
    greeting: 'Hallo {name},',
    greetingAnonymous: 'Hallo,',
    subtotal: 'Subtotaal',
    discount: 'Korting',
    shipping: 'Verzendkosten',
    free: 'Gratis',
    total: 'Totaal',
    vatIncluded: 'waarvan btw {amount}',
    closed: 'Vandaag gesloten',
    today: 'Vandaag open: {hours}',
  },
  en: {
    greeting: 'Hello {name},',
    greetingAnonymous: 'Hello,',
    subtotal: 'Subtotal',
    discount: 'Discount',
    shipping: 'Shipping',
    free: 'Free',
    total: 'Total',
    vatIncluded: 'including VAT {amount}',
    closed: 'Closed today',
    today: 'Open today: {hours}',
  },
} satisfies Record<Locale, Record<string, string>>;

const MUTED = '#57534e';
const BORDER = '#e7e5e4';
const BRAND_LIGHT = '#f0f7f5';
const BRAND_DARK = '#14532d';

export function greeting(name: string | null, locale: Locale): string {
  return name ? fill(WORDS[locale].greeting, { name }) : WORDS[locale].greetingAnonymous;
}

export const money = formatMoney;

export const PAYMENT_METHODS: Record<Locale, Record<'test_provider' | 'cash' | 'card_terminal', string>> = {
  nl: { test_provider: 'online betaling', cash: 'contant', card_terminal: 'pin' },
  en: { test_provider: 'online payment', cash: 'cash', card_terminal: 'card' },
};

/** The rows of totals under the lines, as label → amount. */
function totalRows(s: OrderSummaryPayload, locale: Locale): { label: string; amount: string; strong?: boolean }[] {
  const w = WORDS[locale];
  const rows: { label: string; amount: string; strong?: boolean }[] = [{ label: w.subtotal, amount: money(s.subtotalCents, locale) }];
  if (s.discountCents > 0) rows.push({ label: w.discount, amount: `−${money(s.discountCents, locale)}` });
  if (s.fulfilment === 'delivery') rows.push({ label: w.shipping, amount: s.shippingCents === 0 ? w.free : money(s.shippingCents, locale) });
  rows.push({ label: w.total, amount: money(s.totalCents, locale), strong: true });
  return rows;
}

/** The order's lines and totals as an email table (inline styles; mail clients drop <style>). */
export function linesTable(s: OrderSummaryPayload, locale: Locale): SafeHtml {
  const lines = s.lines.map(
    (l) => html`<tr>
<td style="padding:10px 0;border-bottom:1px solid ${BORDER};font-size:15px;line-height:21px;color:#1c1917">${l.quantity} × ${l.name}<br><span style="font-size:13px;color:${MUTED}">${l.variant}</span>${l.promotion ? html`<br><span style="font-size:13px;color:#b45309">${l.promotion}: −${money(l.discountCents, locale)}</span>` : ''}</td>
<td align="right" style="padding:10px 0 10px 12px;border-bottom:1px solid ${BORDER};font-size:15px;white-space:nowrap;color:#1c1917;vertical-align:top">${money(l.totalCents, locale)}</td>
</tr>`,
  );
  const totals = totalRows(s, locale).map(
    (r) => html`<tr>
<td align="right" style="padding:6px 0;font-size:${r.strong ? 17 : 14}px;${r.strong ? 'font-weight:700;' : ''}color:#1c1917">${r.label}</td>
<td align="right" style="padding:6px 0 6px 12px;font-size:${r.strong ? 17 : 14}px;${r.strong ? 'font-weight:700;' : ''}white-space:nowrap;color:#1c1917">${r.amount}</td>
</tr>`,
  );
  const vat = fill(WORDS[locale].vatIncluded, { amount: money(s.vatCents, locale) });
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 20px;border-collapse:collapse">${lines}${totals}
<tr><td colspan="2" align="right" style="padding:0;font-size:13px;color:${MUTED}">${vat}</td></tr>
</table>`;
}

/** The same as plain text. */
export function linesText(s: OrderSummaryPayload, locale: Locale): string[] {
  const out = s.lines.flatMap((l) => [
    `${l.quantity} × ${l.name} (${l.variant}): ${money(l.totalCents, locale)}`,
    ...(l.promotion ? [`  ${l.promotion}: −${money(l.discountCents, locale)}`] : []),
  ]);
  out.push('');
  for (const r of totalRows(s, locale)) out.push(`${r.label}: ${r.amount}`);
  out.push(fill(WORDS[locale].vatIncluded, { amount: money(s.vatCents, locale) }));
  return out;
}

/** A titled box with a few lines (an address, a store). */
export function infoBox(title: string, lines: (string | SafeHtml)[]): SafeHtml {
  const body = lines.map((l, i) => (i === 0 ? html`${l}` : html`<br>${l}`));
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 20px"><tr><td style="padding:14px 16px;border:1px solid ${BORDER};border-radius:10px">
<p style="margin:0 0 6px;font-size:12px;font-weight:700;letter-spacing:0.04em;text-transform:uppercase;color:${MUTED}">${title}</p>
<p style="margin:0;font-size:15px;line-height:22px;color:#1c1917">${body}</p>
</td></tr></table>`;
}

/** The pickup code, large, with its QR image (a cid: attachment) beside it. */
export function codeBox(label: string, code: string, qr: { cid: string; alt: string } | null, hint: string): SafeHtml {
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:0 0 20px;background:${BRAND_LIGHT};border-radius:12px"><tr>
<td style="padding:18px 20px;vertical-align:middle">
<p style="margin:0;font-size:12px;font-weight:700;letter-spacing:0.04em;text-transform:uppercase;color:${BRAND_DARK}">${label}</p>
<p style="margin:4px 0 8px;font-family:'SFMono-Regular',Consolas,'Liberation Mono',Menlo,monospace;font-size:32px;font-weight:700;letter-spacing:0.18em;color:${BRAND_DARK}">${code}</p>
<p style="margin:0;font-size:13px;line-height:19px;color:${BRAND_DARK}">${hint}</p>
</td>
${qr ? html`<td width="136" align="right" style="padding:14px 16px 14px 0;vertical-align:middle"><img src="cid:${qr.cid}" width="120" height="120" alt="${qr.alt}" style="display:block;width:120px;height:120px;border:0;background:#ffffff;border-radius:6px"></td>` : ''}
</tr></table>`;
}

export function small(text: string): SafeHtml {
  return html`<p style="margin:0 0 16px;font-size:13px;line-height:19px;color:${MUTED}">${text}</p>`;
}

export { paragraph };

/**
 * A paragraph from a template-local string whose `{placeholders}` (order and invoice numbers) are
 * kept on one line: "S-100004" must not break at its hyphen.
 */
export function numbersParagraph(template: string, values: Record<string, string>): SafeHtml {
  const parts = template.split(/(\{\w+\})/).map((part) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return key !== undefined && key in values ? html`<span style="white-space:nowrap">${values[key]}</span>` : html`${part}`;
  });
  return html`<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1c1917">${parts}</p>`;
}

/** A plain link in a paragraph (when a button is already taken by the main action). */
export function textLink(label: string, href: string): SafeHtml {
  return html`<p style="margin:0 0 16px;font-size:15px;line-height:22px"><a href="${href}" style="color:#1f6f5b;font-weight:600">${label}</a></p>`;
}

export function addressLines(a: AddressPayload): string[] {
  return [a.name, a.street, `${a.postcode} ${a.city}`];
}

export function storeLines(store: StorePayload): string[] {
  return [store.name, store.street, `${store.postcode} ${store.city}`, ...(store.phone ? [store.phone] : [])];
}

/** "09:00–18:00", "09:00–12:00, 13:00–17:00", or null when the store is closed on `now`'s day. */
export function hoursOn(store: StorePayload, now: Date, separator = '–'): string | null {
  const ranges = store.openingHours[storeClock(now).weekday as IsoWeekday] ?? [];
  return ranges.length === 0 ? null : ranges.map(([open, close]) => `${open}${separator}${close}`).join(', ');
}

/** "Open today: 09:00–18:00" / "closed today", on the stores' clock at `now`. */
export function todaysHours(store: StorePayload, now: Date, locale: Locale): string {
  const hours = hoursOn(store, now);
  return hours ? fill(WORDS[locale].today, { hours }) : WORDS[locale].closed;
}

export function longDate(iso: string, locale: Locale): string {
  return formatDate(new Date(iso), locale);
}

/** The invoice PDF, made now from the invoice's snapshot (the delivery job's db, outside any transaction). */
export async function invoiceAttachment(ctx: RenderContext, invoice: InvoiceRefPayload): Promise<NotificationAttachment> {
  return {
    filename: invoiceFileName(invoice.number, ctx.locale),
    content: await renderInvoicePdf(ctx.db, invoice.id, ctx.locale),
    contentType: 'application/pdf',
  };
}

/**
 * An SMS that fits one GSM-7 segment (160 characters): the first candidate that fits, else the last
 * cut to length. Candidates go from complete to terse; keep them ASCII (one non-GSM character would
 * make the whole message UCS-2 and halve the limit).
 */
export function fitSms(...candidates: string[]): string {
  const fits = candidates.find((c) => c.length <= 160);
  return fits ?? `${candidates[candidates.length - 1].slice(0, 157)}...`;
}
