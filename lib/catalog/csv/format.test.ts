/** The CSV's cell rules and reading, without a database. */
import { describe, expect, it } from 'vitest';
import { ean13CheckDigit } from '@/lib/catalog/ean';
import { escapeFormula, formatPrice, parseActive, parseEan, parsePrice, parseSku, readRow, unformula } from './format';
import { parseCatalogCsv, writeCatalogCsv } from './parse';

const ean = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

describe('cell rules', () => {
  it('reads prices in euros incl. VAT with a comma or a dot; refuses negative, malformed and huge ones', () => {
    expect(parsePrice('89,95')).toEqual({ ok: true, value: 8995 });
    expect(parsePrice('89.95')).toEqual({ ok: true, value: 8995 });
    expect(parsePrice('€ 89,9')).toEqual({ ok: true, value: 8990 });
    expect(parsePrice('89')).toEqual({ ok: true, value: 8900 });
    expect(parsePrice('-5,00')).toEqual({ ok: false, code: 'priceNegative' });
    expect(parsePrice('89,951')).toEqual({ ok: false, code: 'price' });
    expect(parsePrice('abc')).toEqual({ ok: false, code: 'price' });
    expect(parsePrice('1.234,50')).toEqual({ ok: false, code: 'price' });
    expect(parsePrice('')).toEqual({ ok: false, code: 'required' });
    expect(parsePrice('200000')).toEqual({ ok: false, code: 'priceTooHigh' });
    for (const cents of [0, 5, 99, 100, 8995, 123456]) expect(parsePrice(formatPrice(cents))).toEqual({ ok: true, value: cents });
  });

  it('checks the EAN-13 check digit, upper-cases SKUs, reads active', () => {
    const good = ean('871234567890');
    const wrong = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    expect(parseEan(good)).toEqual({ ok: true, value: good });
    expect(parseEan(wrong)).toEqual({ ok: false, code: 'eanChecksum' });
    expect(parseEan('12345')).toEqual({ ok: false, code: 'eanFormat' });
    expect(parseSku(' tr-42-blk ')).toEqual({ ok: true, value: 'TR-42-BLK' });
    expect(parseSku('TR 42')).toEqual({ ok: false, code: 'sku' });
    expect([parseActive(''), parseActive('nee'), parseActive('TRUE'), parseActive('maybe')]).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
      { ok: true, value: true },
      { ok: false, code: 'active' },
    ]);
  });

  it('lists every bad cell of a row at once', () => {
    const { row, errors } = readRow({ product_slug: 'Bad Slug', brand: '', name_en: 'x', name_nl: 'y', category_slug: 'shoes', tax_class: 'luxury', sku: 'OK-1', ean: '123', price: '-1' });
    expect(row).toBeNull();
    expect(errors.map((e) => `${e.column}:${e.code}`)).toEqual(['product_slug:slug', 'brand:required', 'tax_class:taxClass', 'ean:eanFormat', 'price:priceNegative']);
  });

  it('defuses spreadsheet formulas on export and reads them back unchanged', () => {
    expect(escapeFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(unformula(escapeFormula('-20% sale'))).toBe('-20% sale');
    expect(unformula("'plain")).toBe("'plain");
  });
});

describe('parseCatalogCsv', () => {
  it('detects a semicolon file with a BOM and mixed-case headers; numbers rows as a spreadsheet does', () => {
    const text = '\uFEFFProduct_Slug;brand;name_en;name_nl;category_slug;tax_class;SKU;ean;price\r\nrunner;Acme;Runner;Loper;shoes;standard;R-1;' + ean('871234567890') + ';"89,95"\r\n\r\n';
    const parsed = parseCatalogCsv(text);
    expect(parsed.fileError).toBeNull();
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]).toMatchObject({ row: 2, malformed: false, record: { product_slug: 'runner', sku: 'R-1', price: '89,95' } });
  });

  it('refuses a file without the required columns, naming them', () => {
    expect(parseCatalogCsv('product_slug,sku\nx,y\n').fileError).toEqual({
      code: 'missingColumns',
      columns: ['brand', 'name_en', 'name_nl', 'category_slug', 'tax_class', 'ean', 'price'],
    });
    expect(parseCatalogCsv('').fileError).toEqual({ code: 'empty' });
  });

  it('writes what it reads', () => {
    const row = { productSlug: 'runner', brand: 'Acme, Inc.', nameEn: 'Runner "Pro"', nameNl: '=Loper', categorySlug: 'shoes', taxClass: 'standard' as const, sku: 'R-1', ean: ean('871234567890'), size: null, color: 'black', priceCents: 8995, active: false };
    const parsed = parseCatalogCsv(writeCatalogCsv([row]));
    expect(readRow(parsed.records[0].record)).toEqual({ row, errors: [] });
  });
});
