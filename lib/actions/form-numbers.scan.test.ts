/**
 * A guard over the source: no schema may read a number from form input the lenient way again.
 * `z.coerce.number()` / `z.coerce.bigint()`, `parseInt` and `parseFloat` take "0x10", "1e1", true or
 * "12abc" for numbers (see form-numbers.ts); a schema uses intFromForm / optionalIntFromForm / idFromForm.
 * `Number(text)` is allowed only on text that a decimal-digits regex has just accepted — a `.test(` /
 * `.exec(` with a regex of `\d` or `[0-9]` (literal, or a `…_RE` constant of the same file) within three
 * lines — or on a line marked `// form-number: <why this is not form input>` (on it or the line above).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The strict parsers themselves turn checked digits into numbers (whole numbers; euros to cents). */
const PARSERS = ['lib/actions/form-numbers.ts', 'lib/money/euros.ts'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

/** Every file that defines schemas: lib/**\/schemas.ts, lib/**\/*-schemas.ts, and any lib/ or app/ file building a zod schema. */
function schemaFiles(): string[] {
  return [...sourceFiles('lib'), ...sourceFiles('app')].filter((file) => {
    if (PARSERS.includes(file)) return false;
    if (/(^|\/|-)schemas\.ts$/.test(file)) return true;
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    return /from 'zod'/.test(text) && /\bz\s*\.\s*(object|string|unknown|union|array|enum|preprocess|number|coerce)\b/.test(text);
  });
}

/** The code of a line without its `//` comment (a `//` after whitespace or at the start, so not `https://`). */
const code = (line: string) => line.replace(/(^|\s)\/\/.*$/, '');

const DIGIT_REGEX = String.raw`\/(?:[^/\n\\]|\\.)*(?:\\d|\[0-9\])(?:[^/\n\\]|\\.)*\/[a-z]*`;

/** Findings in one file's text: `line: source` for each lenient number read. */
function lenientNumberReads(text: string): string[] {
  const withoutBlocks = text.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' '));
  const raw = text.split('\n');
  const lines = withoutBlocks.split('\n').map(code);
  const digitConstants = [...withoutBlocks.matchAll(new RegExp(String.raw`const\s+(\w+_RE)\s*=\s*` + DIGIT_REGEX, 'g'))].map((m) => m[1]);
  const digitCheck = new RegExp(
    String.raw`(?:${DIGIT_REGEX}${digitConstants.map((name) => `|\\b${name}`).join('')})\s*\.\s*(?:test|exec)\s*\(`,
  );
  const findings: string[] = [];
  lines.forEach((line, i) => {
    const report = () => findings.push(`${i + 1}: ${raw[i].trim()}`);
    if (/\bcoerce\s*\.\s*(number|bigint)\b/.test(line) || /\bparse(Int|Float)\s*\(/.test(line)) return report();
    if (!/(?<![\w.])Number\s*\(/.test(line)) return;
    if (/\/\/\s*form-number:/.test(raw[i]) || /^\s*\/\/\s*form-number:/.test(raw[i - 1] ?? '')) return;
    const near = lines.slice(Math.max(0, i - 3), i + 4).join('\n');
    if (!digitCheck.test(near)) report();
  });
  return findings;
}

describe('number parsing in schemas (source scan)', () => {
  const files = schemaFiles();

  it('finds the schema files', () => {
    expect(files).toEqual(expect.arrayContaining(['lib/promotions/schemas.ts', 'lib/orders/schemas.ts', 'lib/insight/experiment-schemas.ts']));
    expect(files.length).toBeGreaterThan(20);
  });

  it('has no z.coerce.number / bigint, parseInt, parseFloat or unchecked Number( in any schema file', () => {
    const findings = files.flatMap((file) => lenientNumberReads(fs.readFileSync(path.join(ROOT, file), 'utf8')).map((f) => `${file}:${f}`));
    expect(findings).toEqual([]);
  });

  it('catches what it is for, and lets checked digits through', () => {
    expect(lenientNumberReads(`weekdays: z.array(z.coerce.number().int()),`)).toHaveLength(1);
    expect(lenientNumberReads(`id: z.coerce.bigint(),`)).toHaveLength(1);
    expect(lenientNumberReads(`const n = parseInt(text, 10);`)).toHaveLength(1);
    expect(lenientNumberReads(`.transform((v) => Number(v)),`)).toHaveLength(1);
    expect(lenientNumberReads(`const ID_RE = /^[a-z]+$/;\nconst id = ID_RE.test(v) ? Number(v) : null;`)).toHaveLength(1);
    expect(lenientNumberReads(`// form-number: z.coerce.number is not used here`)).toEqual([]);
    expect(lenientNumberReads(`.transform((v) => (/^[0-9]{1,4}$/.test(v) ? Number(v) : 1)),`)).toEqual([]);
    expect(lenientNumberReads(`const id = Number(rawId);\nif (!/^[0-9]+$/.test(rawId)) return;`)).toEqual([]);
    expect(lenientNumberReads(`const TIME_RE = /^(\\d\\d):(\\d\\d)$/;\nconst m = TIME_RE.exec(t);\nreturn Number(m[1]);`)).toEqual([]);
    expect(lenientNumberReads(`Number.isInteger(n) && Number.isSafeInteger(n)`)).toEqual([]);
    expect(lenientNumberReads(`// form-number: keys of our own record\nreturn Number(key);`)).toEqual([]);
  });
});
