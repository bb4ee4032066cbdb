/**
 * Security floors of the dependencies, checked by .ci/check-deps.ts before anything else in `npm test`:
 * the installed version (what runs) and the lowest version package.json allows (what a fresh install
 * may resolve) must both meet the floor; next-auth must be pinned exactly (a beta: a caret range would
 * take any later beta). Plus the verdict on `npm audit --json` for production dependencies.
 * Pure functions, so the comparison itself is unit-tested (dependency-floors.test.ts).
 */

export interface Floor {
  name: string;
  /** Lowest acceptable version; null when only an exact pin is required. */
  min: string | null;
  exactPin?: boolean;
  why: string;
}

export const FLOORS: Floor[] = [
  { name: 'next', min: '16.4.1', why: 'server-action DoS and CSRF/middleware fixes (shared/STACK-NOTES.md)' },
  { name: 'react', min: '19.2.4', why: 'security floor (shared/STACK-NOTES.md)' },
  { name: 'react-dom', min: '19.2.4', why: 'released with react: the same floor' },
  { name: 'drizzle-orm', min: '0.45.2', why: 'security fix (shared/STACK-NOTES.md)' },
  { name: 'next-auth', min: null, exactPin: true, why: 'a beta: pinned exactly so no other beta slips in' },
];

type Version = { core: [number, number, number]; pre: (string | number)[] };

/** "16.4.6", "v1.2.3", "5.0.0-beta.32" (build metadata ignored); null when it is not a version. */
export function parseVersion(text: string): Version | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!match) return null;
  const pre = match[4] ? match[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre };
}

/** Semver order: -1, 0 or 1. A pre-release sorts before its release (1.0.0-beta.2 < 1.0.0). */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i] < y.core[i] ? -1 : 1;
  if (x.pre.length === 0 || y.pre.length === 0) return x.pre.length === y.pre.length ? 0 : x.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p < q ? -1 : 1;
    if (typeof p === 'number' || typeof q === 'number') return typeof p === 'number' ? -1 : 1; // numbers sort first
    return p < q ? -1 : 1;
  }
  return 0;
}

/** A declared range as an exact version ("5.0.0-beta.32", "=5.0.0"), or null for ^, ~, ranges, tags. */
export function exactPin(range: string): string | null {
  const text = range.trim().replace(/^=\s*/, '');
  return parseVersion(text) ? text.replace(/^v/, '') : null;
}

/**
 * The lowest version a declared range lets npm install, for the simple forms package.json uses
 * ("1.2.3", "^1.2.3", "~1.2.3", ">=1.2.3"); null for anything it cannot tell (tags, URLs, `||`, `*`).
 */
export function lowestAllowed(range: string): string | null {
  const match = /^(?:\^|~|>=|=)?\s*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(range.trim());
  return match ? match[1] : null;
}

export interface DependencyState {
  /** Version in node_modules/<name>/package.json, or null when not installed. */
  installed: string | null;
  /** The range in package.json (dependencies or devDependencies), or null when not declared. */
  declared: string | null;
}

/** Every way the dependencies break a floor, as sentences; [] when all hold. */
export function floorProblems(floors: Floor[], state: (name: string) => DependencyState): string[] {
  const problems: string[] = [];
  for (const floor of floors) {
    const { installed, declared } = state(floor.name);
    if (!installed) problems.push(`${floor.name} is not installed`);
    if (!declared) problems.push(`${floor.name} is not declared in package.json`);
    if (!installed || !declared) continue;
    if (floor.exactPin) {
      const pin = exactPin(declared);
      if (!pin) problems.push(`${floor.name} must be pinned exactly in package.json, not "${declared}" (${floor.why})`);
      else if (compareVersions(pin, installed) !== 0) problems.push(`${floor.name} ${installed} is installed but ${pin} is pinned`);
    }
    if (floor.min) {
      if (compareVersions(installed, floor.min) < 0) problems.push(`${floor.name} ${installed} is installed; the floor is ${floor.min} (${floor.why})`);
      const lowest = lowestAllowed(declared);
      if (!lowest) problems.push(`${floor.name} "${declared}" in package.json: use a range whose lowest version is known (e.g. ^${floor.min})`);
      else if (compareVersions(lowest, floor.min) < 0) problems.push(`${floor.name} "${declared}" in package.json allows ${lowest}, below the floor ${floor.min}`);
    }
  }
  return problems;
}

export type AuditVerdict =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'clean'; counts: Record<string, number> }
  | { kind: 'vulnerable'; findings: string[] };

/**
 * What `npm audit --omit=dev --json` said. npm exits non-zero both for findings and for a registry that
 * has no advisory service, so only the JSON tells them apart.
 */
export function auditVerdict(stdout: string): AuditVerdict {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return { kind: 'unreachable', reason: stdout.trim() ? 'npm audit printed no JSON' : 'npm audit printed nothing' };
  }
  const metadata = report.metadata as { vulnerabilities?: Record<string, number> } | undefined;
  if (report.error || report.statusCode || !metadata?.vulnerabilities) {
    const error = report.error as { summary?: string; code?: string } | undefined;
    const reason = String(report.message ?? error?.summary ?? error?.code ?? 'no audit report').split('\n')[0];
    return { kind: 'unreachable', reason };
  }
  const vulnerabilities = (report.vulnerabilities ?? {}) as Record<string, { severity?: string; range?: string; via?: unknown[] }>;
  const findings = Object.entries(vulnerabilities)
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => {
      const titles = (v.via ?? []).flatMap((via) => (typeof via === 'object' && via && 'title' in via ? [String(via.title)] : []));
      return `${name} (${v.severity}${v.range ? `, ${v.range}` : ''})${titles.length ? `: ${titles.join('; ')}` : ''}`;
    });
  const counted = (metadata.vulnerabilities.high ?? 0) + (metadata.vulnerabilities.critical ?? 0);
  if (findings.length > 0 || counted > 0) return { kind: 'vulnerable', findings: findings.length ? findings : [`${counted} high or critical`] };
  return { kind: 'clean', counts: metadata.vulnerabilities };
}
