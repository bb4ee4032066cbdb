import PDFDocument from 'pdfkit';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { MESSAGES } from '@/lib/i18n/messages';
import { localVariantLabel } from '@/lib/invoices/strings';
import { rmaBarcodePng } from './rma-barcode';
import type { WarehouseAddress } from './web-queries';

// The return label of a posted return as an A4 PDF: cut off the top half and stick it on the parcel
// (to the warehouse, the RMA number as text and barcode); the bottom half says what goes in and how.
// pdfkit's built-in Helvetica, like the invoice (WinAnsi: no U+2212 minus, no arrows).

const BRAND = '#1f6f5b';
const INK = '#1c1917';
const MUTED = '#57534e';
const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN;

export interface ReturnLabelInput {
  rmaNumber: string;
  orderNumber: string;
  requestedAt: Date;
  shopName: string;
  warehouse: WarehouseAddress;
  /** The customer's address as on the order (the parcel's sender), when it has one. */
  sender: string[] | null;
  lines: { quantity: number; productName: string; variantLabel: string; sku: string }[];
}

/** "retourlabel-R-100001.pdf" / "return-label-R-100001.pdf". */
export function returnLabelFileName(number: string, locale: Locale): string {
  return `${locale === 'nl' ? 'retourlabel' : 'return-label'}-${number.replace(/[^\w-]/g, '')}.pdf`;
}

export async function renderReturnLabelPdf(input: ReturnLabelInput, locale: Locale): Promise<Buffer> {
  const s = MESSAGES[locale].shop.returns.labelPdf;
  const barcode = await rmaBarcodePng(input.rmaNumber);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: locale, info: { Title: `${s.title} ${input.rmaNumber}`, Author: input.shopName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // The label: a dashed box to cut out.
  const boxTop = MARGIN;
  const boxHeight = 330;
  doc.save().dash(6, { space: 4 }).lineWidth(1).strokeColor(MUTED).rect(MARGIN, boxTop, WIDTH, boxHeight).stroke().restore();
  let y = boxTop + 18;
  const inner = MARGIN + 18;
  doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED).text(s.sendTo.toUpperCase(), inner, y);
  y += 14;
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK);
  for (const line of [`${input.shopName} - ${s.returnsDept}`, input.warehouse.name, input.warehouse.street, `${input.warehouse.postcode} ${input.warehouse.city}`]) {
    doc.text(line, inner, y, { lineBreak: false });
    y += 20;
  }
  if (input.sender && input.sender.length > 0) {
    doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED).text(s.from.toUpperCase(), MARGIN + WIDTH / 2 + 20, boxTop + 18);
    doc.font('Helvetica').fontSize(10).fillColor(INK);
    input.sender.forEach((line, i) => doc.text(line, MARGIN + WIDTH / 2 + 20, boxTop + 32 + i * 13, { width: WIDTH / 2 - 40 }));
  }
  y += 12;
  doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED).text(s.rma.toUpperCase(), inner, y);
  y += 13;
  doc.font('Helvetica-Bold').fontSize(28).fillColor(BRAND).text(input.rmaNumber, inner, y, { lineBreak: false });
  y += 38;
  doc.image(barcode, inner, y, { fit: [260, 80] });
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  doc.text(`${s.order}: ${input.orderNumber}`, MARGIN + WIDTH / 2 + 20, y + 10, { width: WIDTH / 2 - 40 });
  doc.text(`${s.requested}: ${formatDate(input.requestedAt, locale)}`, MARGIN + WIDTH / 2 + 20, y + 24, { width: WIDTH / 2 - 40 });
  doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(s.cutHere, MARGIN, boxTop + boxHeight + 6, { width: WIDTH, align: 'center' });

  // What goes in the parcel, and how to send it.
  y = boxTop + boxHeight + 40;
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text(s.inParcel, MARGIN, y);
  y += 22;
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  for (const line of input.lines) {
    const variant = [localVariantLabel(line.variantLabel, locale), line.sku].filter(Boolean).join(' · ');
    doc.text(`${line.quantity} x ${line.productName}${variant ? ` (${variant})` : ''}`, MARGIN, y, { width: WIDTH });
    y = doc.y + 4;
  }
  y += 14;
  doc.font('Helvetica-Bold').fontSize(14).fillColor(INK).text(s.howTitle, MARGIN, y);
  y += 22;
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  [s.step1, s.step2, s.step3, s.step4].forEach((step, i) => {
    doc.text(`${i + 1}.  ${step.replace('{number}', input.rmaNumber)}`, MARGIN, y, { width: WIDTH });
    y = doc.y + 6;
  });
  doc.end();
  return done;
}
