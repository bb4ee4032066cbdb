import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { acquirePgliteLock } from './pglite-lock';
import { PGLITE_OPTIONS } from './client';

/**
 * Backups of either database. PostgreSQL: pg_dump's custom format, restored with pg_restore (the
 * client binaries matching the server's major version when installed side by side, as Debian does in
 * /usr/lib/postgresql/<major>/bin). Embedded PGlite: a gzipped tar of its data dir (PGlite's
 * dumpDataDir / loadDataDir), taken and restored under the data dir's lock, so never while a server
 * has it open.
 */
export type BackupKind = 'postgres' | 'pglite';

const PG_MAGIC = 'PGDMP';
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

export function defaultBackupFile(kind: BackupKind, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return path.join(process.cwd(), '.data', 'backups', `omnishop-${stamp}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`);
}

/** Which database made a backup file, from its first bytes. */
export function backupKindOf(file: string): BackupKind | null {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === PG_MAGIC) return 'postgres';
  if (head.subarray(0, 2).equals(GZIP_MAGIC)) return 'pglite';
  return null;
}

export async function backupPostgres(url: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { dbname, env } = connectionFor(url);
  const tool = await pgTool('pg_dump', url);
  await run(tool, ['--format=custom', '--no-owner', '--no-privileges', '--file', file, '--dbname', dbname], env);
}

/** Replaces the database's objects with the backup's, in one transaction (all or nothing). */
export async function restorePostgres(url: string, file: string): Promise<void> {
  const { dbname, env } = connectionFor(url);
  const tool = await pgTool('pg_restore', url);
  await run(
    tool,
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', '--dbname', dbname, file],
    env,
  );
}

export async function backupPglite(dataDir: string, file: string): Promise<void> {
  const release = acquirePgliteLock(dataDir);
  try {
    const client = new PGlite(dataDir, PGLITE_OPTIONS);
    try {
      // dumpDataDir before the database is ready never settles (PGlite 0.5).
      await client.waitReady;
      const dump = await client.dumpDataDir('gzip');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores a PGlite backup into `dataDir`. An existing data dir is moved aside (its path is returned),
 * never deleted: a restore over the wrong directory must be undoable.
 */
export async function restorePglite(dataDir: string, file: string): Promise<{ movedAside: string | null }> {
  const release = acquirePgliteLock(dataDir);
  try {
    let movedAside: string | null = null;
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(dataDir, movedAside);
    }
    const client = new PGlite(dataDir, { ...PGLITE_OPTIONS, loadDataDir: new Blob([fs.readFileSync(file)]) });
    try {
      await client.query('select 1');
    } finally {
      await client.close();
    }
    return { movedAside };
  } finally {
    release();
  }
}

/** The URL without its password (which goes in PGPASSWORD, not on a command line others can read). */
function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env };
}

/**
 * pg_dump refuses a server newer than itself: take PG_BIN_DIR when set, else the installed client of
 * the server's major version (or the nearest newer one), else the one on PATH.
 */
async function pgTool(name: 'pg_dump' | 'pg_restore', url: string): Promise<string> {
  if (process.env.PG_BIN_DIR) return path.join(process.env.PG_BIN_DIR, name);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let major: number;
  try {
    const [row] = await sql<{ v: string }[]>`show server_version_num`;
    major = Math.floor(Number(row!.v) / 10_000);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const root = '/usr/lib/postgresql';
  const installed = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .map(Number)
        .filter((v) => v >= major && fs.existsSync(path.join(root, String(v), 'bin', name)))
        .sort((a, b) => a - b)
    : [];
  return installed.length > 0 ? path.join(root, String(installed[0]), 'bin', name) : name;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => reject(new Error(`Could not run ${command}: ${error.message}`)));
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
