import { isValidEan13 } from '@/lib/catalog/ean';
import { parseEuroToCents } from '@/lib/money/euros';

// The catalog CSV, one row per variant, product fields repeated on each of its rows. Pure rules only
// (no database): what a column must hold and how it is read. The admin's product/variant forms follow
// the same rules (slug, SKU, EAN-13 check digit, euro price incl. VAT, capped at € 100.000).

export const CSV_COLUMNS = [
  'product_slug',
  'brand',
  'name_en',
  'name_nl',
  'category_slug',
  'tax_class',
  'sku',
  'ean',
  'size',
  'color',
  'price',
  'active',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Columns a file must have; size, colour and active may be left out (blank / blank / active). */
export const REQUIRED_COLUMNS: CsvColumn[] = ['product_slug', 'brand', 'name_en', 'name_nl', 'category_slug', 'tax_class', 'sku', 'ean', 'price'];

export const TAX_CLASSES = ['standard', 'reduced', 'zero'] as const;
export const MAX_PRICE_CENTS = 100_000_00;
export const MAX_CSV_ROWS = 5000;

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SKU_RE = /^[A-Z0-9][A-Z0-9._-]{1,39}$/;

/** One variant row as the database holds it. */
export interface CsvRow {
  productSlug: string;
  brand: string;
  nameEn: string;
  nameNl: string;
  categorySlug: string;
  taxClass: (typeof TAX_CLASSES)[number];
  sku: string;
  ean: string;
  size: string | null;
  color: string | null;
  priceCents: number;
  active: boolean;
}

/** Why a cell (or a row, when `column` is null) is refused: a key of admin.csvImport.errors and its values. */
export interface RowError {
  column: CsvColumn | null;
  code: string;
  values?: Record<string, string | number>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string };

/** "89,95", "89.95", "€ 89,95", "89" → cents; a minus sign, more than two decimals or over the cap is refused. */
export function parsePrice(input: string): Parsed<number> {
  const typed = input.trim();
  if (typed === '') return { ok: false, code: 'required' };
  if (/^-/.test(typed.replace(/^€\s*/, ''))) return { ok: false, code: 'priceNegative' };
  // No thousands separators in a file: "89,951" is a typo far more often than € 89.951.
  const cents = /^(?:€\s*)?\d+(?:[.,]\d{1,2})?$/.test(typed) ? parseEuroToCents(typed) : null;
  if (cents === null) return { ok: false, code: 'price' };
  if (cents > MAX_PRICE_CENTS) return { ok: false, code: 'priceTooHigh' };
  return { ok: true, value: cents };
}

/** Cents → "89.95": what the export writes (a dot, two decimals: read back the same by parsePrice). */
export function formatPrice(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** SKUs are stored upper-case: "tr-42-blk" and "TR-42-BLK" are one SKU. */
export function parseSku(input: string): Parsed<string> {
  const sku = input.trim().toUpperCase();
  if (sku === '') return { ok: false, code: 'required' };
  return SKU_RE.test(sku) ? { ok: true, value: sku } : { ok: false, code: 'sku' };
}

export function parseSlug(input: string): Parsed<string> {
  const slug = input.trim().toLowerCase();
  if (slug === '') return { ok: false, code: 'required' };
  return slug.length <= 100 && SLUG_RE.test(slug) ? { ok: true, value: slug } : { ok: false, code: 'slug' };
}

export function parseEan(input: string): Parsed<string> {
  const ean = input.trim();
  if (ean === '') return { ok: false, code: 'required' };
  if (!/^\d{13}$/.test(ean)) return { ok: false, code: 'eanFormat' };
  return isValidEan13(ean) ? { ok: true, value: ean } : { ok: false, code: 'eanChecksum' };
}

const TRUE = new Set(['true', '1', 'yes', 'ja', 'y', 'j']);
const FALSE = new Set(['false', '0', 'no', 'nee', 'n']);

/** Blank means active (a new row is for sale unless it says otherwise). */
export function parseActive(input: string): Parsed<boolean> {
  const v = input.trim().toLowerCase();
  if (v === '' || TRUE.has(v)) return { ok: true, value: true };
  if (FALSE.has(v)) return { ok: true, value: false };
  return { ok: false, code: 'active' };
}

function parseText(input: string, max: number, required: boolean): Parsed<string | null> {
  const v = input.trim();
  if (v === '') return required ? { ok: false, code: 'required' } : { ok: true, value: null };
  if (!v.isWellFormed()) return { ok: false, code: 'invalid' };
  return v.length <= max ? { ok: true, value: v } : { ok: false, code: 'tooLong' };
}

/**
 * One record (column → cell text) → the row it describes, or every cell error at once, so a person
 * fixes the whole row in one go.
 */
export function readRow(record: Partial<Record<CsvColumn, string>>): { row: CsvRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = <T>(column: CsvColumn, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    errors.push({ column, code: parsed.code, ...(parsed.code === 'tooLong' ? { values: { max: MAX_TEXT[column] ?? 0 } } : {}) });
    return undefined;
  };
  const get = (column: CsvColumn) => unformula(record[column] ?? '');
  const taxText = get('tax_class').trim().toLowerCase();
  const values = {
    productSlug: cell('product_slug', parseSlug(get('product_slug'))),
    brand: cell('brand', parseText(get('brand'), MAX_TEXT.brand!, true)),
    nameEn: cell('name_en', parseText(get('name_en'), MAX_TEXT.name_en!, true)),
    nameNl: cell('name_nl', parseText(get('name_nl'), MAX_TEXT.name_nl!, true)),
    categorySlug: cell('category_slug', parseSlug(get('category_slug'))),
    taxClass: cell(
      'tax_class',
      (TAX_CLASSES as readonly string[]).includes(taxText)
        ? { ok: true, value: taxText as CsvRow['taxClass'] }
        : { ok: false, code: taxText === '' ? 'required' : 'taxClass' },
    ),
    sku: cell('sku', parseSku(get('sku'))),
    ean: cell('ean', parseEan(get('ean'))),
    size: cell('size', parseText(get('size'), MAX_TEXT.size!, false)),
    color: cell('color', parseText(get('color').toLowerCase(), MAX_TEXT.color!, false)),
    priceCents: cell('price', parsePrice(get('price'))),
    active: cell('active', parseActive(get('active'))),
  };
  return { row: errors.length === 0 ? (values as CsvRow) : null, errors };
}

const MAX_TEXT: Partial<Record<CsvColumn, number>> = { brand: 80, name_en: 120, name_nl: 120, size: 20, color: 30 };

// Spreadsheets run a cell that starts with = + - @ as a formula (CSV injection); the export prefixes
// such a cell with an apostrophe, which the import drops again so a round trip changes nothing.
const FORMULA_START = /^[=+\-@\t\r]/;

export function unformula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A row as the export writes it (and as the import reads it back unchanged). */
export function toRecord(row: CsvRow): Record<CsvColumn, string> {
  return {
    product_slug: row.productSlug,
    brand: escapeFormula(row.brand),
    name_en: escapeFormula(row.nameEn),
    name_nl: escapeFormula(row.nameNl),
    category_slug: row.categorySlug,
    tax_class: row.taxClass,
    sku: row.sku,
    ean: row.ean,
    size: escapeFormula(row.size ?? ''),
    color: escapeFormula(row.color ?? ''),
    price: formatPrice(row.priceCents),
    active: row.active ? 'true' : 'false',
  };
}
