// PGlite only (the file name keeps it out of the PostgreSQL project): the lock guards the embedded database.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type DbHandle } from './client';
import { DatabaseLockedError } from './pglite-lock';

describe('embedded database lock', () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omnishop-lock-')), 'pglite');
  let handle: DbHandle;
  beforeAll(async () => {
    handle = openDatabase({ dataDir });
    await handle.migrate();
  });
  afterAll(() => handle?.close());

  it('refuses to open the same data dir twice in one process', () => {
    expect(() => openDatabase({ dataDir })).toThrow(DatabaseLockedError);
  });

  it('refuses a second process with a message that names the holder, and leaves the data intact', async () => {
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const run = promisify(execFile)(tsx, ['db/cli.ts', 'migrate'], {
      env: { ...process.env, DATABASE_URL: '', OMNISHOP_DATA_DIR: dataDir },
    });
    const error = await run.then(() => null, (e: { code: number; stderr: string }) => e);
    expect(error?.code).toBe(1);
    expect(error?.stderr).toContain(`already open in another process (PID ${process.pid}`);
    const rows = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const other = path.join(path.dirname(dataDir), 'other');
    fs.writeFileSync(`${other}.lock`, JSON.stringify({ pid: 999_999_999, command: 'crashed' }));
    const second = openDatabase({ dataDir: other });
    await second.migrate();
    await second.close();
    expect(fs.existsSync(`${other}.lock`)).toBe(false);
  });

  it('names the lock holder in DatabaseLockedError', () => {
    const error = new DatabaseLockedError('/x', 42, 'next dev');
    expect(error.message).toContain('PID 42: next dev');
  });
});
