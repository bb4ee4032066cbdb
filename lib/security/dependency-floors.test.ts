import { describe, expect, it } from 'vitest';
import { auditVerdict, compareVersions, exactPin, FLOORS, floorProblems, lowestAllowed, type DependencyState } from './dependency-floors';

describe('compareVersions', () => {
  it.each([
    ['16.4.1', '16.4.1', 0],
    ['16.4.0', '16.4.1', -1],
    ['16.10.0', '16.9.9', 1], // numeric, not textual
    ['19.2.4', '19.10.0', -1],
    ['0.45.2', '0.45.10', -1],
    ['1.0.0-beta.2', '1.0.0', -1], // a pre-release comes before its release
    ['5.0.0-beta.32', '5.0.0-beta.4', 1], // numeric identifiers compare as numbers
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-1', '1.0.0-alpha', -1],
    ['v2.0.0', '2.0.0+build.7', 0],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });

  it('refuses what is not a version instead of guessing', () => {
    expect(() => compareVersions('latest', '1.0.0')).toThrow(/not a version/);
  });
});

describe('declared ranges', () => {
  it('knows an exact pin from a range', () => {
    expect(exactPin('5.0.0-beta.32')).toBe('5.0.0-beta.32');
    expect(exactPin('=5.0.0')).toBe('5.0.0');
    for (const range of ['^5.0.0-beta.32', '~5.0.0', '>=5.0.0', 'beta', '*', '5.x']) expect(exactPin(range)).toBeNull();
  });

  it('tells the lowest version a simple range allows, and nothing for the rest', () => {
    expect(lowestAllowed('^16.4.6')).toBe('16.4.6');
    expect(lowestAllowed('~0.45.4')).toBe('0.45.4');
    expect(lowestAllowed('>=19.2.4')).toBe('19.2.4');
    expect(lowestAllowed('19.3.1')).toBe('19.3.1');
    for (const range of ['*', 'latest', '^16 || ^15', 'github:vercel/next.js', '16.x']) expect(lowestAllowed(range)).toBeNull();
  });
});

describe('floorProblems', () => {
  const healthy: Record<string, DependencyState> = {
    next: { installed: '16.4.6', declared: '^16.4.6' },
    react: { installed: '19.3.1', declared: '^19.3.1' },
    'react-dom': { installed: '19.3.1', declared: '^19.3.1' },
    'drizzle-orm': { installed: '0.45.4', declared: '^0.45.4' },
    'next-auth': { installed: '5.0.0-beta.32', declared: '5.0.0-beta.32' },
  };
  const check = (changes: Record<string, DependencyState>) => floorProblems(FLOORS, (name) => ({ ...healthy, ...changes })[name]);

  it('passes the dependencies as they are', () => {
    expect(check({})).toEqual([]);
  });

  it('fails an installed version below its floor, and a range that allows one', () => {
    expect(check({ next: { installed: '16.4.0', declared: '^16.4.0' } })).toEqual([
      expect.stringMatching(/^next 16\.4\.0 is installed; the floor is 16\.4\.1/),
      expect.stringMatching(/^next "\^16\.4\.0" in package\.json allows 16\.4\.0, below the floor 16\.4\.1/),
    ]);
    expect(check({ react: { installed: '19.3.1', declared: '^19.2.3' } })).toEqual([expect.stringMatching(/allows 19\.2\.3/)]);
    expect(check({ 'drizzle-orm': { installed: '0.45.1', declared: '0.45.1' } })).toHaveLength(2);
    expect(check({ 'drizzle-orm': { installed: '0.45.4', declared: 'latest' } })).toEqual([expect.stringMatching(/lowest version is known/)]);
  });

  it('fails next-auth unless pinned exactly, and when the installed one is not the pin', () => {
    expect(check({ 'next-auth': { installed: '5.0.0-beta.32', declared: '^5.0.0-beta.32' } })).toEqual([expect.stringMatching(/must be pinned exactly/)]);
    expect(check({ 'next-auth': { installed: '5.0.0-beta.31', declared: '5.0.0-beta.32' } })).toEqual([
      'next-auth 5.0.0-beta.31 is installed but 5.0.0-beta.32 is pinned',
    ]);
  });

  it('fails a dependency that is missing', () => {
    expect(check({ next: { installed: null, declared: null } })).toEqual(['next is not installed', 'next is not declared in package.json']);
  });
});

describe('auditVerdict', () => {
  it('treats a registry without an advisory service as unreachable, not as clean or failed', () => {
    const mirror = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405, body: '' });
    expect(auditVerdict(mirror)).toEqual({ kind: 'unreachable', reason: expect.stringMatching(/^405 Method Not Allowed/) });
    expect(auditVerdict(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to … failed' } }))).toMatchObject({ kind: 'unreachable' });
    expect(auditVerdict('')).toMatchObject({ kind: 'unreachable' });
  });

  it('fails on a high or critical finding and names it; passes low and moderate ones', () => {
    const report = (severity: string) =>
      JSON.stringify({
        auditReportVersion: 2,
        vulnerabilities: { next: { name: 'next', severity, range: '<16.4.1', via: [{ title: 'Server Actions DoS' }] } },
        metadata: { vulnerabilities: { info: 0, low: 0, moderate: severity === 'moderate' ? 1 : 0, high: severity === 'high' ? 1 : 0, critical: severity === 'critical' ? 1 : 0, total: 1 } },
      });
    expect(auditVerdict(report('critical'))).toEqual({ kind: 'vulnerable', findings: ['next (critical, <16.4.1): Server Actions DoS'] });
    expect(auditVerdict(report('high'))).toMatchObject({ kind: 'vulnerable' });
    expect(auditVerdict(report('moderate'))).toMatchObject({ kind: 'clean' });
  });
});
