/**
 * Nothing reaches production without a declared access rule and a refusal test:
 * - every `'use server'` file is an action module that the suite loads (lib/**\/*actions.ts);
 * - every export of those modules went through the one wrapper and carries a valid `.access`;
 * - every public action names the abuse test that covers it, or why it is harmless
 *   (lib/security/public-action-guards.ts); the non-public ones are covered by the role matrix by construction;
 * - every exported method of every route handler (app/api/**\/route.ts) has a rule in
 *   lib/security/route-access.ts.
 * No database here: loading modules must not touch one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PUBLIC_ACTIONS } from './public-action-guards';
import { HTTP_METHODS, ROUTE_ACCESS } from './route-access';

vi.mock('@/lib/auth/session', async () => (await import('./harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('./harness')).authMock());
vi.mock('next-auth', async () => (await import('./harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('./harness')).translateMock());
vi.mock('@/lib/db', async () => (await import('./harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('./harness')).dbClientMock(await original<object>()));
vi.mock('next/headers', async () => (await import('./harness')).nextHeadersMock());

const { ACTION_MODULE_PATHS, discoverActions } = await import('./world');
const routeModules = import.meta.glob<Record<string, unknown>>('/app/**/route.ts');

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROLES = ['customer', 'clerk', 'admin'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('[SECURITY][COVERAGE] every server action and route handler declares who may call it', async () => {
  const actions = await discoverActions();

  it('finds every server action: each "use server" file is an action module that the suite loads', () => {
    const withDirective = ['app', 'components', 'lib']
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith('lib/security/'))
      .filter((file) => /^\s*['"]use server['"]/m.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(withDirective.length).toBeGreaterThan(3);
    // Inline server actions in pages, or action files by another name, would escape every test here.
    expect(withDirective.filter((file) => !ACTION_MODULE_PATHS.includes(file))).toEqual([]);
  });

  it('every export of an action module went through the wrapper and carries a valid access rule', () => {
    expect(actions.length).toBeGreaterThan(3);
    const invalid = actions
      .filter(({ fn }) => {
        const rule = typeof fn === 'function' ? fn.access : undefined;
        if (rule === 'public') return false;
        return !Array.isArray(rule) || rule.length === 0 || rule.some((role) => !ROLES.includes(role));
      })
      .map((a) => a.name);
    expect(invalid).toEqual([]);
  });

  it('every public action names its abuse test (which exercises what it claims) or why it is harmless', () => {
    const publicNames = actions.filter((a) => a.fn.access === 'public').map((a) => a.name);
    expect(publicNames.filter((name) => !PUBLIC_ACTIONS[name])).toEqual([]);
    // An entry for an action that is gone or no longer public would hide the next one's omission.
    expect(Object.keys(PUBLIC_ACTIONS).filter((name) => !publicNames.includes(name))).toEqual([]);

    const problems: string[] = [];
    for (const [name, guard] of Object.entries(PUBLIC_ACTIONS)) {
      if ('harmless' in guard) {
        if (guard.harmless.trim().length < 30) problems.push(`${name}: say why it is harmless`);
        continue;
      }
      const file = path.join(ROOT, guard.abuseTest);
      if (!/\.test\.ts$/.test(guard.abuseTest) || !fs.existsSync(file)) problems.push(`${name}: no test file ${guard.abuseTest}`);
      else if (!fs.readFileSync(file, 'utf8').includes(guard.exercises)) problems.push(`${name}: ${guard.abuseTest} never names ${guard.exercises}`);
    }
    expect(problems).toEqual([]);
  });

  it('every exported method of every route handler has a declared rule, and every rule a route', async () => {
    const found: string[] = [];
    for (const [key, load] of Object.entries(routeModules)) {
      const mod = await load();
      for (const method of HTTP_METHODS) if (typeof mod[method] === 'function') found.push(`${key.slice(1)} ${method}`);
    }
    expect(found.length).toBeGreaterThan(2);
    const declared = Object.entries(ROUTE_ACCESS).flatMap(([file, methods]) => Object.keys(methods).map((m) => `${file} ${m}`));
    expect(found.filter((r) => !declared.includes(r))).toEqual([]);
    expect(declared.filter((r) => !found.includes(r))).toEqual([]);
    const unexplained = Object.entries(ROUTE_ACCESS).flatMap(([file, methods]) =>
      Object.entries(methods)
        .filter(([, r]) => (r.rule === 'roles' ? r.roles.length === 0 : r.why.trim().length < 20))
        .map(([m]) => `${file} ${m}`),
    );
    expect(unexplained).toEqual([]);
  });
});
