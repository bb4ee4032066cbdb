import PDFDocument from 'pdfkit';
import type { DbOrTx } from '@/db/client';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { surveyQrModules } from '@/lib/insight/satisfaction-qr';
import { loadInvoiceDocument, type InvoiceDocument } from './invoice-document';
import { formatVatRate, INVOICE_STRINGS, localVariantLabel } from './strings';

// The invoice as an A4 PDF, drawn with pdfkit's built-in Helvetica (no font files to ship: pdfkit
// 0.20 carries its standard fonts as modules). Those fonts speak WinAnsi: €, é, ë, · and en dashes
// are fine; a minus sign (U+2212) is not, hence the plain hyphen for discounts.

const BRAND = '#1f6f5b';
const INK = '#1c1917';
const MUTED = '#57534e';
const RULE = '#d6d3d1';
const MARGIN = 50;
const PAGE_BOTTOM = 842 - 90; // A4 height minus the footer's band
const RIGHT = 595.28 - MARGIN;

// Line table columns: [x, width]; numbers are right-aligned.
const COL = { desc: [MARGIN, 220], qty: [270, 35], unit: [305, 80], vat: [385, 45], amount: [430, RIGHT - 430] } as const;

/**
 * The invoice `invoiceId` as a PDF in `locale`: seller's legal details (from the snapshot taken at
 * issue), invoice and order number and dates, every line with quantity, price, VAT rate and amount,
 * the totals, VAT per rate (net, VAT, gross) and how it was paid. Throws when the invoice does not
 * exist; who may see it is the caller's check (the download route, the message that attaches it).
 */
export async function renderInvoicePdf(db: DbOrTx, invoiceId: number, locale: Locale): Promise<Buffer> {
  const invoice = await loadInvoiceDocument(db, invoiceId);
  if (!invoice) throw new Error(`invoice not found: ${invoiceId}`);
  return drawInvoice(invoice, locale);
}

/** The file name the PDF is offered under: "factuur-F-2026-000042.pdf" / "invoice-F-2026-000042.pdf". */
export function invoiceFileName(number: string, locale: Locale): string {
  return `${locale === 'nl' ? 'factuur' : 'invoice'}-${number.replace(/[^\w-]/g, '')}.pdf`;
}

/** "creditnota-C-2026-000001.pdf" / "credit-note-C-2026-000001.pdf". */
export function creditNoteFileName(number: string, locale: Locale): string {
  return `${locale === 'nl' ? 'creditnota' : 'credit-note'}-${number.replace(/[^\w-]/g, '')}.pdf`;
}

export function drawInvoice(invoice: InvoiceDocument, locale: Locale): Promise<Buffer> {
  const s = INVOICE_STRINGS[locale];
  // Negative amounts with a plain hyphen (the standard fonts have no U+2212 minus).
  const money = (cents: number) => (cents < 0 ? `-${formatMoney(-cents, locale)}` : formatMoney(cents, locale));
  const { order, seller } = invoice;
  const credit = invoice.kind === 'credit_note' ? invoice.credit : null;
  const title = credit ? s.creditNoteTitle : s.title;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: locale,
    info: { Title: `${title} ${invoice.number}`, Author: seller.legalName, CreationDate: invoice.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const text = (value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(value, x, y, { lineBreak: options.width !== undefined, ...options });
  const rule = (y: number, color = RULE) => doc.moveTo(MARGIN, y).lineTo(RIGHT, y).lineWidth(0.7).strokeColor(color).stroke();

  // Seller and title.
  doc.font('Helvetica-Bold').fontSize(18).fillColor(BRAND);
  text(seller.legalName, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  const sellerLines = [seller.street, `${seller.postcode} ${seller.city}`, seller.country, seller.email, seller.phone].filter(Boolean);
  sellerLines.forEach((line, i) => text(line, MARGIN, MARGIN + 26 + i * 12));
  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK);
  text(title.toUpperCase(), MARGIN, MARGIN, { width: RIGHT - MARGIN, align: 'right' });

  // Invoice facts, right column.
  const paid = order.payments.filter((p) => p.status === 'succeeded');
  const facts: [string, string][] = credit
    ? [
        [s.creditNoteNumber, invoice.number],
        [s.creditNoteDate, formatDate(invoice.issuedAt, locale)],
        [s.corrects, credit.correctsInvoiceNumber ?? '-'],
        [s.order, order.number],
        ...(credit.returnNumber ? [[s.returnNumber, credit.returnNumber] as [string, string]] : []),
      ]
    : [
        [s.number, invoice.number],
        [s.date, formatDate(invoice.issuedAt, locale)],
        [s.order, order.number],
        [s.orderDate, formatDate(order.placedAt, locale)],
        [s.payment, paid.length > 0 ? `${s.paid} · ${[...new Set(paid.map((p) => (p.paidByExchange ? s.exchangePayment : s.methods[p.method])))].join(', ')}` : s.notPaid],
      ];
  doc.fontSize(9);
  facts.forEach(([label, value], i) => {
    const y = MARGIN + 38 + i * 14;
    doc.font('Helvetica').fillColor(MUTED);
    text(label, 330, y);
    doc.font('Helvetica-Bold').fillColor(INK);
    text(value, 420, y, { width: RIGHT - 420, align: 'right' });
  });

  // The customer and where the goods went.
  let y = MARGIN + 130;
  const address = order.shippingAddress;
  // Only what the order itself recorded (its snapshot): an invoice must read the same every time it is made.
  const billTo = [order.customerName ?? address?.name, order.email].filter((v): v is string => !!v);
  if (billTo.length > 0) {
    doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
    text(s.billTo.toUpperCase(), MARGIN, y);
    doc.font('Helvetica').fontSize(10).fillColor(INK);
    billTo.forEach((line, i) => text(line, MARGIN, y + 14 + i * 13));
  }
  doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
  const where =
    order.fulfilment === 'delivery' && address
      ? { label: s.deliveredTo, lines: [address.name, address.street, `${address.postcode} ${address.city}`, address.country] }
      : order.fulfilment === 'pickup' && order.pickupLocation
        ? { label: s.pickedUpAt, lines: [order.pickupLocation.name, order.pickupLocation.street, `${order.pickupLocation.postcode} ${order.pickupLocation.city}`] }
        : { label: s.boughtAt, lines: [order.stockLocation.name] };
  text(where.label.toUpperCase(), 330, y);
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  where.lines.forEach((line, i) => text(line, 330, y + 14 + i * 13));
  y += 14 + Math.max(billTo.length, where.lines.length) * 13 + 24;

  // Lines.
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
    text(s.description, COL.desc[0], y);
    text(s.quantity, COL.qty[0], y, { width: COL.qty[1], align: 'right' });
    text(s.unitPrice, COL.unit[0], y, { width: COL.unit[1], align: 'right' });
    text(s.vatRate, COL.vat[0], y, { width: COL.vat[1], align: 'right' });
    text(s.amount, COL.amount[0], y, { width: COL.amount[1], align: 'right' });
    y += 15;
    rule(y - 3, INK);
  };
  const needSpace = (height: number) => {
    if (y + height <= PAGE_BOTTOM) return;
    doc.addPage();
    y = MARGIN;
    header();
  };
  header();

  const row = (cells: { desc: string; sub?: string[]; qty?: string; unit?: string; vat?: string; amount: string }) => {
    doc.font('Helvetica').fontSize(10);
    const descHeight = doc.heightOfString(cells.desc, { width: COL.desc[1] });
    doc.fontSize(8.5);
    const subHeight = (cells.sub ?? []).reduce((h, line) => h + doc.heightOfString(line, { width: COL.desc[1] }), 0);
    const height = descHeight + subHeight + 8;
    needSpace(height);
    doc.font('Helvetica').fontSize(10).fillColor(INK);
    text(cells.desc, COL.desc[0], y + 3, { width: COL.desc[1] });
    doc.fontSize(8.5).fillColor(MUTED);
    let subY = y + 3 + descHeight;
    for (const line of cells.sub ?? []) {
      text(line, COL.desc[0], subY, { width: COL.desc[1] });
      subY += doc.heightOfString(line, { width: COL.desc[1] });
    }
    doc.fontSize(10).fillColor(INK);
    if (cells.qty) text(cells.qty, COL.qty[0], y + 3, { width: COL.qty[1], align: 'right' });
    if (cells.unit) text(cells.unit, COL.unit[0], y + 3, { width: COL.unit[1], align: 'right' });
    if (cells.vat) text(cells.vat, COL.vat[0], y + 3, { width: COL.vat[1], align: 'right' });
    text(cells.amount, COL.amount[0], y + 3, { width: COL.amount[1], align: 'right' });
    y += height;
    rule(y);
  };

  if (credit) {
    for (const line of credit.lines) {
      row({
        desc: line.productName,
        sub: [[localVariantLabel(line.variantLabel, locale), line.sku].filter(Boolean).join(' · ')],
        qty: String(line.quantity),
        // Per unit only when the refund splits evenly: a pro-rata cent is not a price.
        unit: line.amountCents % line.quantity === 0 ? money(line.amountCents / line.quantity) : undefined,
        vat: formatVatRate(line.vatRateBp, locale),
        amount: money(line.amountCents),
      });
    }
    if (credit.shippingCents !== 0) row({ desc: s.shipping, amount: money(credit.shippingCents) });
  }
  for (const line of credit ? [] : order.lines) {
    const sub = [[localVariantLabel(line.variantLabel, locale), line.sku].filter(Boolean).join(' · ')];
    if (line.discountCents > 0) sub.push(`${line.promotionName ?? s.discount}: -${money(line.discountCents)}`);
    row({
      desc: line.productName,
      sub,
      qty: String(line.quantity),
      unit: money(line.unitPriceCents),
      vat: formatVatRate(line.vatRateBp, locale),
      amount: money(line.lineTotalCents),
    });
  }
  if (!credit && order.shippingCents > 0) row({ desc: s.shipping, amount: money(order.shippingCents) });

  // Totals.
  const totals: [string, string, boolean][] = [];
  if (credit) totals.push([s.creditTotal, money(invoice.totalCents), true]);
  else {
    totals.push([s.subtotal, money(order.subtotalCents), false]);
    if (order.discountCents > 0) totals.push([s.discount, `-${money(order.discountCents)}`, false]);
    if (order.fulfilment === 'delivery') totals.push([s.shipping, money(order.shippingCents), false]);
    totals.push([s.total, money(invoice.totalCents), true]);
  }
  needSpace(totals.length * 16 + 12);
  y += 10;
  for (const [label, value, strong] of totals) {
    doc.font(strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(strong ? 11 : 10).fillColor(INK);
    text(label, 305, y, { width: 125, align: 'right' });
    text(value, COL.amount[0], y, { width: COL.amount[1], align: 'right' });
    y += strong ? 18 : 15;
  }

  // VAT per rate: the table the tax office asks for (net, VAT and gross of each rate).
  const vatRows = [...(credit ? credit.vatBreakdown : order.vatBreakdown)].sort((a, b) => b.rateBp - a.rateBp);
  needSpace(40 + vatRows.length * 15);
  y += 16;
  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK);
  text(s.vatBreakdown, MARGIN, y);
  y += 16;
  // Right edges line up with the price, VAT and amount columns of the lines above.
  const vatCols = [
    [MARGIN, 120],
    [COL.unit[0] - 95, 95],
    [COL.unit[0], COL.unit[1] + COL.vat[1]],
    COL.amount,
  ] as const;
  doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
  [s.vatRate, s.net, s.vat, s.gross].forEach((label, i) => text(label, vatCols[i][0], y, { width: vatCols[i][1], align: i === 0 ? 'left' : 'right' }));
  y += 14;
  rule(y - 3, INK);
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  for (const v of vatRows) {
    const cells = [formatVatRate(v.rateBp, locale), money(v.grossCents - v.vatCents), money(v.vatCents), money(v.grossCents)];
    cells.forEach((cell, i) => text(cell, vatCols[i][0], y, { width: vatCols[i][1], align: i === 0 ? 'left' : 'right' }));
    y += 15;
  }
  rule(y - 2);
  doc.font('Helvetica-Bold');
  const vatTotal = ['', money(invoice.totalCents - invoice.vatCents), money(invoice.vatCents), money(invoice.totalCents)];
  vatTotal.forEach((cell, i) => text(cell, vatCols[i][0], y + 2, { width: vatCols[i][1], align: i === 0 ? 'left' : 'right' }));
  y += 22;
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  text(credit ? s.creditExplanation : s.pricesInclVat, MARGIN, y, credit ? { width: RIGHT - MARGIN } : {});

  // A counter sale's invoice is its printable receipt: the satisfaction survey's QR and link (S12).
  if (!credit && order.channel === 'store' && order.fulfilment === 'in_store') {
    const qr = surveyQrModules(order.id);
    const cell = 2.5;
    const side = qr.size * cell;
    y += 24;
    needSpace(side);
    for (let row = 0; row < qr.size; row++) {
      for (let col = 0; col < qr.size; col++) if (qr.dark(row, col)) doc.rect(MARGIN + col * cell, y + row * cell, cell, cell);
    }
    doc.fill(INK);
    doc.link(MARGIN, y, side, side, qr.url);
    doc.font('Helvetica').fontSize(10).fillColor(INK);
    text(s.surveyCaption, MARGIN + side + 14, y + side / 2 - 6, { width: RIGHT - MARGIN - side - 14 });
    y += side;
  }

  // Footer on every page: the seller's registration details and the page number.
  const range = doc.bufferedPageRange();
  const legal = [
    seller.legalName,
    `${s.cocNumber} ${seller.cocNumber}`,
    `${s.vatNumber} ${seller.vatNumber}`,
    seller.iban ? `${s.iban} ${seller.iban}` : null,
  ].filter(Boolean);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: lift it while drawing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.moveTo(MARGIN, 842 - 62).lineTo(RIGHT, 842 - 62).lineWidth(0.7).strokeColor(RULE).stroke();
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    text(legal.join('  ·  '), MARGIN, 842 - 54, { width: RIGHT - MARGIN - 60 });
    text(`${s.page} ${i - range.start + 1}/${range.count}`, RIGHT - 60, 842 - 54, { width: 60, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
