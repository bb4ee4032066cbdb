import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, type Db, type DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { beginShutdown, resetShutdownForTests } from '@/lib/lifecycle/shutdown';
import { checkReadiness } from './readiness';

let handle: DbHandle;
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; when: number; tag: string }[];
};

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());
afterEach(() => resetShutdownForTests());

/** A migrations folder whose journal has one more (newer) migration than the database got. */
function folderWithNewerMigration(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omnishop-journal-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const last = journal.entries.at(-1)!;
  const entries = [...journal.entries, { ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_next_release' }];
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

describe('checkReadiness', () => {
  it('is ready on a migrated database that answers', async () => {
    expect(await checkReadiness(handle)).toMatchObject({
      ready: true,
      database: 'ok',
      migrations: { applied: journal.entries.length, pending: 0 },
      shuttingDown: false,
    });
  });

  it('is not ready while a committed migration is not applied yet', async () => {
    expect(await checkReadiness(handle, { migrationsFolder: folderWithNewerMigration() })).toMatchObject({
      ready: false,
      database: 'ok',
      migrations: { applied: journal.entries.length, pending: 1 },
    });
  });

  it('counts every migration as pending on a database that was never migrated', async () => {
    // Inside a transaction that is rolled back: the migrations table disappears for this check only.
    const seen = handle.db.transaction(async (tx) => {
      await tx.execute(sql`drop schema drizzle cascade`);
      const readiness = await checkReadiness({ db: tx as unknown as Db });
      expect(readiness).toMatchObject({ ready: false, database: 'ok', migrations: { applied: 0, pending: journal.entries.length } });
      tx.rollback();
    });
    await expect(seen).rejects.toThrow(/rollback/i);
    expect((await checkReadiness(handle)).ready).toBe(true);
  });

  it('is not ready when the database is unreachable or does not answer in time', async () => {
    const refused = { db: { execute: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')) } as unknown as Db };
    expect(await checkReadiness(refused)).toMatchObject({ ready: false, database: 'unreachable', migrations: null });
    const hanging = { db: { execute: () => new Promise(() => {}) } as unknown as Db };
    expect(await checkReadiness(hanging, { timeoutMs: 50 })).toMatchObject({ ready: false, database: 'unreachable' });
  });

  it('is not ready once the instance is shutting down', async () => {
    beginShutdown();
    expect(await checkReadiness(handle)).toMatchObject({ ready: false, database: 'ok', shuttingDown: true });
  });
});
