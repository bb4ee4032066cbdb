/**
 * Database commands for scripts and tests. Runs in its own process, so with PGlite it must run while
 * no server holds the data dir (the lock in pglite-lock.ts enforces that with a clear message).
 *
 *   tsx db/cli.ts migrate     apply committed migrations
 *   tsx db/cli.ts seed        apply migrations, then the (idempotent) demo data
 *   tsx db/cli.ts setup       both, and print the demo logins (used by `npm run dev` / `npm start`)
 *   tsx db/cli.ts serve-e2e   fresh database + migrate + seed, then `next start` on it; dropped on exit
 *   tsx db/cli.ts backup [file]    pg_dump (PostgreSQL) or a data dir dump (PGlite); default .data/backups/
 *   tsx db/cli.ts restore <file>   pg_restore, or the PGlite dir replaced (the old one is moved aside)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { backupKindOf, backupPglite, backupPostgres, defaultBackupFile, restorePglite, restorePostgres } from './backup';
import { openDatabase, pgliteDataDir, type DbHandle } from './client';
import { DatabaseLockedError } from './pglite-lock';
import { DEMO_LOGINS } from './seed-data';
import { seed } from './seed';
import { withAdminConnection } from './testing';

async function withDatabase<T>(options: { url?: string; dataDir?: string }, fn: (h: DbHandle) => Promise<T>) {
  const handle = openDatabase(options);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

function describeTarget(url?: string) {
  return url ? `PostgreSQL (${new URL(url).pathname.slice(1)})` : `embedded PGlite (${pgliteDataDir()})`;
}

function printLogins() {
  const rows = DEMO_LOGINS.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(34)} ${l.password}${l.store ? `   (${l.store})` : ''}`);
  console.log(['', 'Demo logins:', ...rows, ''].join('\n'));
}

async function migrateAndSeed(options: { url?: string; dataDir?: string }, withSeed: boolean) {
  await withDatabase(options, async (h) => {
    const started = Date.now();
    await h.migrate();
    console.log(`Migrations applied on ${describeTarget(options.url)} in ${Date.now() - started} ms`);
    if (withSeed) {
      const summary = await seed(h.db);
      console.log(`Demo data: ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    }
  });
}

/** A database of its own for one e2e run: a new PGlite dir, or a new database on the Postgres server. */
async function serveE2e(port: string) {
  const baseUrl = process.env.DATABASE_URL || undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  let cleanup = async () => {};
  if (baseUrl) {
    const name = `omnishop_e2e_${process.pid}`;
    await withAdminConnection(baseUrl, async (sql) => {
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.unsafe(`create database "${name}"`);
    });
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = () => withAdminConnection(baseUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`)).then(() => {});
  } else {
    // One dir per port: side runs on other ports (several at once on one machine) must not wipe each other's.
    const dataDir = path.join(process.cwd(), '.data', port === '3100' ? 'e2e' : `e2e-${port}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    env.OMNISHOP_DATA_DIR = dataDir;
  }
  await migrateAndSeed({ url: env.DATABASE_URL, dataDir: env.OMNISHOP_DATA_DIR }, true);

  const server = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', port], { env, stdio: 'inherit' });
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  server.on('exit', async (code) => {
    await cleanup().catch((error) => console.error('Could not drop the e2e database:', error));
    process.exit(code ?? 0);
  });
}

async function backup(url: string | undefined, file: string | undefined) {
  const target = path.resolve(file ?? defaultBackupFile(url ? 'postgres' : 'pglite'));
  const started = Date.now();
  if (url) await backupPostgres(url, target);
  else await backupPglite(pgliteDataDir(), target);
  console.log(`Backup of ${describeTarget(url)} written to ${target} (${fs.statSync(target).size} bytes, ${Date.now() - started} ms)`);
}

async function restore(url: string | undefined, file: string | undefined) {
  if (!file) throw new Error('Usage: npm run db:restore -- <backup file>');
  const source = path.resolve(file);
  const kind = backupKindOf(source);
  if (kind !== (url ? 'postgres' : 'pglite')) {
    throw new Error(
      `${source} is ${kind ? `a ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} backup` : 'not a backup'}, ` +
        `but the target is ${describeTarget(url)}: set or unset DATABASE_URL to match.`,
    );
  }
  const started = Date.now();
  if (url) {
    await restorePostgres(url, source);
  } else {
    const { movedAside } = await restorePglite(pgliteDataDir(), source);
    if (movedAside) console.log(`The previous data dir was moved to ${movedAside}`);
  }
  console.log(`Restored ${describeTarget(url)} from ${source} in ${Date.now() - started} ms`);
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  const options = { url: process.env.DATABASE_URL || undefined };
  switch (command) {
    case 'migrate':
      return migrateAndSeed(options, false);
    case 'seed':
      return migrateAndSeed(options, true);
    case 'setup':
      await migrateAndSeed(options, true);
      return printLogins();
    case 'serve-e2e':
      return serveE2e(arg ?? '3100');
    case 'backup':
      return backup(options.url, arg);
    case 'restore':
      return restore(options.url, arg);
    default:
      console.error('Usage: tsx db/cli.ts migrate|seed|setup|serve-e2e [port]|backup [file]|restore <file>');
      process.exit(2);
  }
}

// A command whose work never settles would otherwise end with exit code 0 once the event loop is
// empty: a backup that silently wrote nothing.
let settled = false;
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  console.error('The command stopped before it finished.');
  process.exitCode = 1;
});

main().then(() => (settled = true)).catch((error) => {
  settled = true;
  console.error(error instanceof DatabaseLockedError ? `\n${error.message}\n` : error);
  process.exit(1);
});
