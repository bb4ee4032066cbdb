import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Db, DbHandle } from '@/db/client';
import { settings } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { getSetting, seedDefaultSettings, setSetting, SETTINGS } from './settings';

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(() => resetDatabase(db));

const SELLER = {
  legalName: 'Winkel B.V.',
  street: 'Oudegracht 1',
  postcode: '3511 AA',
  city: 'Utrecht',
  country: 'nl',
  vatNumber: 'nl123456789b01',
  cocNumber: '87654321',
  email: 'boekhouding@winkel.test',
  phone: '030 123 4567',
};

describe('settings', () => {
  it('answers the default while nothing is stored', async () => {
    expect(await getSetting(db, 'seller')).toEqual(SETTINGS.seller.defaults);
  });

  it('stores a validated value with who changed it, normalised by its schema', async () => {
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    await setSetting(db, 'seller', SELLER, admin);
    expect(await getSetting(db, 'seller')).toEqual({ ...SELLER, country: 'NL', vatNumber: 'NL123456789B01' });
    const [row] = await db.select().from(settings).where(eq(settings.key, 'seller'));
    expect(row.updatedByUserId).toBe(admin.userId);
  });

  it('refuses a value that does not fit (bad KvK number, unknown field) and keeps the old one', async () => {
    await setSetting(db, 'seller', SELLER, null);
    await expect(setSetting(db, 'seller', { ...SELLER, cocNumber: '123' }, null)).rejects.toBeInstanceOf(ZodError);
    await expect(setSetting(db, 'seller', { ...SELLER, role: 'admin' }, null)).rejects.toBeInstanceOf(ZodError);
    expect((await getSetting(db, 'seller')).cocNumber).toBe('87654321');
  });

  it('a stored value that no longer fits is an error, not silently replaced by the default', async () => {
    await db.insert(settings).values({ key: 'seller', value: { legalName: 'Half' } });
    await expect(getSetting(db, 'seller')).rejects.toThrow(/setting "seller" does not fit its schema/);
  });

  it('seeding writes the defaults once and never overwrites an admin’s value', async () => {
    await seedDefaultSettings(db);
    await seedDefaultSettings(db);
    expect((await db.select({ key: settings.key }).from(settings)).map((r) => r.key).sort()).toEqual(Object.keys(SETTINGS).sort());
    await setSetting(db, 'seller', SELLER, null);
    await seedDefaultSettings(db);
    expect((await getSetting(db, 'seller')).legalName).toBe('Winkel B.V.');
  });
});
