// Dependency floors and `npm audit`, run first by `npm test` (see lib/security/dependency-floors.ts).
// Fails when a dependency is below its security floor, when next-auth is not pinned exactly, or when
// the advisory service answers with a high or critical issue in production dependencies. A registry
// without an advisory service (a mirror) or no network is a notice, not a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { auditVerdict, FLOORS, floorProblems, type DependencyState } from '../lib/security/dependency-floors';

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;

function state(name: string): DependencyState {
  const file = path.join(root, 'node_modules', name, 'package.json');
  const installed = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : null;
  const declared = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name] ?? null;
  return { installed, declared };
}

let failed = false;
const problems = floorProblems(FLOORS, state);
for (const floor of FLOORS) {
  const { installed, declared } = state(floor.name);
  const rule = floor.exactPin ? 'pinned exactly' : `>= ${floor.min}`;
  console.log(`check-deps: ${floor.name} ${installed ?? '(missing)'} (package.json "${declared ?? '-'}"), needs ${rule}`);
}
if (problems.length > 0) {
  failed = true;
  for (const problem of problems) console.error(`check-deps: FAIL ${problem}`);
}

const timeoutMs = Number(process.env.AUDIT_TIMEOUT_MS ?? 30_000);
const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: root, encoding: 'utf8', timeout: timeoutMs });
const verdict = audit.error
  ? ({ kind: 'unreachable', reason: audit.error.message } as const)
  : auditVerdict(audit.stdout ?? '');
if (verdict.kind === 'unreachable') {
  console.log(`check-deps: notice: npm audit skipped, the advisory service is not reachable (${verdict.reason})`);
} else if (verdict.kind === 'clean') {
  console.log(`check-deps: npm audit: no high or critical issue in production dependencies ${JSON.stringify(verdict.counts)}`);
} else {
  failed = true;
  for (const finding of verdict.findings) console.error(`check-deps: FAIL npm audit: ${finding}`);
}

if (failed) process.exit(1);
console.log('check-deps: ok');
