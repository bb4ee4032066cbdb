import Papa from 'papaparse';
import { CSV_COLUMNS, MAX_CSV_ROWS, REQUIRED_COLUMNS, toRecord, type CsvColumn, type CsvRow } from './format';

/** A file-level refusal: nothing in it is looked at row by row. */
export type FileError = { code: 'empty' } | { code: 'missingColumns'; columns: string[] } | { code: 'tooManyRows'; max: number };

export interface ParsedFile {
  fileError: FileError | null;
  /** `row` is the spreadsheet row number (the header is row 1). */
  records: { row: number; record: Partial<Record<CsvColumn, string>>; malformed: boolean }[];
}

/**
 * Reads CSV text: the delimiter is detected (a Dutch Excel writes ';'), a byte-order mark dropped,
 * headers matched case-insensitively, blank lines skipped. Unknown columns are ignored.
 */
export function parseCatalogCsv(text: string): ParsedFile {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const headers = result.meta.fields ?? [];
  if (headers.length === 0 || result.data.length === 0) return { fileError: { code: 'empty' }, records: [] };
  const missing = REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
  if (missing.length > 0) return { fileError: { code: 'missingColumns', columns: missing }, records: [] };
  if (result.data.length > MAX_CSV_ROWS) return { fileError: { code: 'tooManyRows', max: MAX_CSV_ROWS }, records: [] };
  // A row with too few or too many cells (a stray delimiter): its cells cannot be trusted.
  const malformed = new Set(result.errors.filter((e) => e.type === 'FieldMismatch' && e.row !== undefined).map((e) => e.row as number));
  return {
    fileError: null,
    records: result.data.map((data, i) => {
      const record: Partial<Record<CsvColumn, string>> = {};
      for (const column of CSV_COLUMNS) if (typeof data[column] === 'string') record[column] = data[column];
      return { row: i + 2, record, malformed: malformed.has(i) };
    }),
  };
}

/** Rows → CSV text with the header, in column order, commas, CRLF line ends (RFC 4180). */
export function writeCatalogCsv(rows: CsvRow[]): string {
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => toRecord(r)[c])) }, { newline: '\r\n' });
}
