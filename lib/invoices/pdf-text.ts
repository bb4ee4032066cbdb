// A tiny PDF reader for tests (imported by *.test.ts only): the page count and the text pdfkit drew,
// enough to check what an invoice says without a PDF library. pdfkit writes Flate-compressed content
// streams whose text shows are hex strings of WinAnsi codes inside TJ arrays.
import { inflateSync } from 'node:zlib';

// WinAnsi is Latin-1 except 0x80–0x9F; the few of those an invoice uses (Node's TextDecoder may lack
// windows-1252 when built with small ICU).
const CP1252: Record<number, string> = { 0x80: '€', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—' };

function decodeWinAnsi(bytes: Buffer): string {
  return [...bytes].map((b) => CP1252[b] ?? String.fromCharCode(b)).join('');
}

export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/** The text of every page in drawing order, one string per text show, cp1252 decoded. */
export function pdfTextRuns(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const runs: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a Flate stream (e.g. an image)
    }
    for (const show of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...show[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
      runs.push(decodeWinAnsi(Buffer.from(hex, 'hex')));
    }
  }
  return runs;
}
