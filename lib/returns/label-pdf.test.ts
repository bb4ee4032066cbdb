import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfTextRuns } from '@/lib/invoices/pdf-text';
import { renderReturnLabelPdf, returnLabelFileName } from './label-pdf';
import { rmaBarcodeSvg } from './rma-barcode';

const input = {
  rmaNumber: 'R-100042',
  orderNumber: 'W-100007',
  requestedAt: new Date('2026-07-03T10:00:00Z'),
  shopName: 'Omnishop',
  warehouse: { id: 1, name: 'Warehouse Zaandam', street: 'Hoogtij 10', postcode: '1509 PA', city: 'Zaandam' },
  sender: ['Rosa Retour', 'Oudegracht 12', '3511 AB Utrecht'],
  lines: [{ quantity: 1, productName: 'Amsterdam Streets', variantLabel: '', sku: 'BOOK-AMS' }],
};

describe('return label PDF', () => {
  it('one A4 page with the warehouse address, the RMA, the order, the sender and what is in the parcel, in both languages', async () => {
    for (const [locale, words] of [['en', ['SEND TO', 'Omnishop - Returns', 'RETURN NUMBER', 'In this parcel']], ['nl', ['STUREN NAAR', 'Omnishop - Retouren', 'RETOURNUMMER', 'In dit pakket']]] as const) {
      const pdf = await renderReturnLabelPdf(input, locale);
      expect(pdfPageCount(pdf)).toBe(1);
      const text = pdfTextRuns(pdf).join('\n');
      for (const expected of [...words, 'Warehouse Zaandam', 'Hoogtij 10', '1509 PA Zaandam', 'R-100042', 'W-100007', 'Rosa Retour', '1 x Amsterdam Streets (BOOK-AMS)']) {
        expect(text, `${locale}: ${expected}`).toContain(expected);
      }
      // The step text names the RMA instead of a placeholder.
      expect(text).not.toContain('{number}');
    }
    expect(returnLabelFileName('R-100042', 'nl')).toBe('retourlabel-R-100042.pdf');
    expect(returnLabelFileName('R-100042', 'en')).toBe('return-label-R-100042.pdf');
  });

  it('the barcode renders only an RMA-shaped text (it goes into the page as markup)', () => {
    expect(rmaBarcodeSvg('R-100042')).toMatch(/^<svg/);
    expect(() => rmaBarcodeSvg('<script>')).toThrow();
    expect(() => rmaBarcodeSvg('W-100007')).toThrow();
  });
});
