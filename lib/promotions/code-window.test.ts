// Why a code does not apply, at the edges of its window in Europe/Amsterdam (issue #10): before the
// start 'not_yet_valid', from the end on 'expired' — an ended promotion is loaded for its entered code,
// so it is not read as an unknown code.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { addToCart, applyPromotionCode, getOrCreateWebCart, removeCode } from '@/lib/carts/mutations';
import { getPricedCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import { createPromotionRow, createShop, resetDatabase } from '@/lib/testing/fixtures';
import { zonedLocalToUtc } from '@/lib/time/zoned';

let handle: DbHandle;
let db: Db;
let cartId: string;

// Local midnights in Amsterdam on the days summer time starts (still CET, +01:00) and ends (still CEST, +02:00).
const START = zonedLocalToUtc('2026-03-29T00:00');
const END = zonedLocalToUtc('2026-10-25T00:00');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 120_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  const shop = await createShop(db);
  await createPromotionRow(db, { name: 'Summer', kind: 'percentage', value: 10, code: 'SUMMER', startsAt: START, endsAt: END });
  ({ cartId } = await getOrCreateWebCart(db, {}));
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
});

/** 'accepted', or the refusal reason of codeRefused.<reason>. */
async function outcomeAt(at: Date): Promise<string> {
  try {
    await applyPromotionCode(db, cartId, 'summer', at);
    await removeCode(db, cartId, 'SUMMER');
    return 'accepted';
  } catch (error) {
    if (error instanceof DomainError && error.code.startsWith('codeRefused.')) return error.code.slice('codeRefused.'.length);
    throw error;
  }
}

describe('code window edges in Europe/Amsterdam', () => {
  it('reads the local midnights right (CET on 29 March, CEST on 25 October)', () => {
    expect(START.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(END.toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('1 ms before the start: not yet valid; at the start: accepted', async () => {
    expect(await outcomeAt(new Date(START.getTime() - 1))).toBe('not_yet_valid');
    expect(await outcomeAt(START)).toBe('accepted');
  });

  it('1 ms before the end: accepted; at the end and a month later: expired (not unknown)', async () => {
    expect(await outcomeAt(new Date(END.getTime() - 1))).toBe('accepted');
    expect(await outcomeAt(END)).toBe('expired');
    expect(await outcomeAt(new Date(END.getTime() + 31 * 24 * 3600_000))).toBe('expired');
  });

  it('a cart that holds the code when the promotion ends says it expired, at full price', async () => {
    await applyPromotionCode(db, cartId, 'SUMMER', new Date(END.getTime() - 60_000));
    const priced = await getPricedCart(db, cartId, { now: END });
    expect(priced?.totals).toMatchObject({ totalCents: 5000, codes: { accepted: [], rejected: ['SUMMER'], refusals: [{ code: 'SUMMER', reason: 'expired' }] } });
  });
});
