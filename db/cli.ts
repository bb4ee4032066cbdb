/**
 * Database commands for scripts and tests. Runs in its own process, so with PGlite it must run while
 * no server holds the data dir (the lock in pglite-lock.ts enforces that with a clear message).
 *
 *   tsx db/cli.ts migrate     apply committed migrations
 *   tsx db/cli.ts seed        apply migrations, then the (idempotent) demo data
 *   tsx db/cli.ts setup       both, and print the demo logins (used by `npm run dev` / `npm start`)
 *   tsx db/cli.ts serve-e2e   fresh database + migrate + seed, then `next start` on it; dropped on exit
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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
    const dataDir = path.join(process.cwd(), '.data', 'e2e');
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
    default:
      console.error('Usage: tsx db/cli.ts migrate|seed|setup|serve-e2e [port]');
      process.exit(2);
  }
}

main().catch((error) => {
  console.error(error instanceof DatabaseLockedError ? `\n${error.message}\n` : error);
  process.exit(1);
});
