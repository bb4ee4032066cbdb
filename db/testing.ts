import postgres from 'postgres';
import { openDatabase, type DbHandle } from './client';

/**
 * A fresh, migrated database for one test file: PostgreSQL when TEST_DB=postgres (a database of its own
 * on the DATABASE_URL server, dropped afterwards), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<DbHandle> {
  const url = process.env.TEST_DB === 'postgres' ? process.env.DATABASE_URL : undefined;
  if (!url) {
    const handle = openDatabase({ dataDir: 'memory://' });
    await handle.migrate();
    return handle;
  }
  const name = `omnishop_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdminConnection(url, (sql) => sql.unsafe(`create database "${name}"`));
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = openDatabase({ url: testUrl.toString() });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdminConnection(url, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

export async function withAdminConnection<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
