import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_NAMESPACES, pickMessages, type Surface } from './client-messages';
import { MESSAGES } from './messages';

// Reads the source: which files run in the browser (a 'use client' module and what it imports), which
// namespaces they translate with, and which surfaces (route groups) render them.
const ROOT = path.resolve(__dirname, '..', '..');
const GROUPS: Record<string, Surface> = {
  '(shop)': 'shop',
  '(auth)': 'auth',
  '(payment-provider)': 'payment',
  '(display)': 'display',
  '(counter)': 'counter',
  '(admin)': 'admin',
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [rel] : [];
  });
}

const files = ['app', 'components', 'lib'].flatMap(sourceFiles);
const known = new Set(files);
const text = new Map(files.map((file) => [file, fs.readFileSync(path.join(ROOT, file), 'utf8')]));

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.join(path.dirname(from), specifier) : null;
  if (base === null) return null;
  return ['.ts', '.tsx', '/index.ts', '/index.tsx', ''].map((ext) => path.normalize(base + ext)).find((f) => known.has(f)) ?? null;
}

const imports = new Map(
  files.map((file) => {
    const found = [...text.get(file)!.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => resolve(file, m[1]!));
    return [file, found.filter((f): f is string => f !== null)];
  }),
);
const importers = new Map<string, string[]>();
for (const [file, deps] of imports) for (const dep of deps) importers.set(dep, [...(importers.get(dep) ?? []), file]);

/** Files that end up in the browser bundle: every 'use client' module and whatever it imports. */
function clientFiles(): Set<string> {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    imports.get(file)!.forEach(visit);
  };
  files.filter((f) => /^\s*['"]use client['"]/.test(text.get(f)!)).forEach(visit);
  return found;
}

/** The surfaces whose pages render `file`: the route groups of the app files that import it, at any depth. */
function surfacesOf(file: string): Set<Surface> {
  const surfaces = new Set<Surface>();
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const [top, group] = f.split(path.sep);
    if (top === 'app' && group !== 'api') surfaces.add(GROUPS[group!] ?? 'base');
    (importers.get(f) ?? []).forEach(visit);
  };
  visit(file);
  return surfaces;
}

const covers = (surface: Surface, namespace: string) =>
  CLIENT_NAMESPACES[surface].some((p) => namespace === p || namespace.startsWith(`${p}.`));

describe('client messages', () => {
  const client = clientFiles();

  it('finds the client components (the scan itself works)', () => {
    expect(client.has(path.join('app', '(shop)', 'products', '[slug]', '_components', 'add-to-cart-form.tsx'))).toBe(true);
    expect(surfacesOf(path.join('components', 'ui', 'language-switcher.tsx'))).toEqual(new Set(['shop', 'auth', 'counter', 'admin']));
  });

  it('every client component translates with a literal namespace', () => {
    const open = [...client].filter((f) => /useTranslations\(\s*(?!')/.test(text.get(f)!));
    expect(open).toEqual([]);
  });

  it('each surface that renders a client component gives it the namespaces it translates with', () => {
    const missing: string[] = [];
    for (const file of client) {
      const namespaces = [...text.get(file)!.matchAll(/useTranslations\('([^']+)'\)/g)].map((m) => m[1]!);
      for (const surface of surfacesOf(file))
        for (const namespace of namespaces) if (!covers(surface, namespace)) missing.push(`${surface}: ${namespace} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it('every listed namespace exists, and a product page gets a small part of all messages', () => {
    for (const [surface, paths] of Object.entries(CLIENT_NAMESPACES))
      for (const p of paths) expect(Object.keys(pickMessages(MESSAGES.en, [p])), `${surface}: ${p}`).not.toEqual([]);
    const size = (m: object) => JSON.stringify(m).length;
    expect(size(pickMessages(MESSAGES.nl, CLIENT_NAMESPACES.shop))).toBeLessThan(size(MESSAGES.nl) / 4);
  });

  it('picks nested paths without the rest of their parents', () => {
    const messages = { shop: { cart: { a: 'A' }, order: { b: 'B' } }, common: { c: 'C' } };
    expect(pickMessages(messages, ['shop.cart', 'common', 'shop.missing'])).toEqual({ shop: { cart: { a: 'A' } }, common: { c: 'C' } });
  });
});
